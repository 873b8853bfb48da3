package dev.mocks3.app.gateway;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mocks3.core.netty.ResumeReadingAfterResponse;

/** What the S3 port's Reactor Netty server needs beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
public class NettyServerSettings {

    @Bean
    NettyServerCustomizer resumeReadingAfterResponse() {
        return ResumeReadingAfterResponse::on;
    }
}
