package dev.mocks3.app.gateway;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

import dev.mocks3.core.netty.PortOutage;
import dev.mocks3.core.netty.ResumeReadingAfterResponse;
import dev.mocks3.core.netty.S3Connections;

/** What the S3 port's Reactor Netty server needs beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
public class NettyServerSettings {

    @Bean
    NettyServerCustomizer resumeReadingAfterResponse() {
        return ResumeReadingAfterResponse::on;
    }

    @Bean
    NettyServerCustomizer requestBodyWatch() {
        return RequestBodyWatch::on;
    }

    @Bean
    LargeRequestContents largeRequestContents() {
        return new LargeRequestContents();
    }

    /** The S3 port's state under a {@code down} fault. */
    @Bean
    PortOutage portOutage() {
        return new PortOutage();
    }

    @Bean
    NettyServerCustomizer portOutageCustomizer(PortOutage outage) {
        return outage::on;
    }

    /** Timeouts, a connection limit, and S3 error documents for what the HTTP codec refuses. */
    @Bean
    NettyServerCustomizer s3Connections(ConnectionProperties properties) {
        return server -> S3Connections.on(server, properties.settings());
    }

    /**
     * Event loops of this application's own, not Reactor Netty's JVM-wide ones: when MockS3 runs
     * inside another program (a test suite starting {@code LocalRunner}), stopping it must not
     * stop the event loops that program's other servers and clients run on.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
