package dev.mocks3.app.observe;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.app.gateway.DependencyProbes;
import dev.mocks3.app.gateway.HealthRoute;
import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.core.observe.SidePortRoutes;
import dev.mocks3.state.blob.BlobStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;

/**
 * Metrics, spans and readiness on every instance: {@code GET /_mocks3/metrics} on the S3 port,
 * {@code /metrics} (and {@code /_mocks3/metrics}, {@code /_mocks3/ready}) on the rules API's and the
 * drive's ports; the S3 request meters and spans; the sampled storage figures and dependency gauges.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Spring Boot builds a tracer whether or not spans go anywhere (and samples a tenth of the
     * requests); without an OTLP endpoint MockS3 uses none, so a request makes no span and Reactor's
     * context propagation stays off.
     */
    @Bean
    RequestTracing requestTracing(ObjectProvider<Tracer> tracer, Environment env) {
        Tracer t = ObservabilitySettings.tracingOn(env) ? tracer.getIfAvailable() : null;
        RequestTracing tracing = t == null ? RequestTracing.OFF : new RequestTracing(t);
        if (querySpans(env)) {
            tracing.propagateToThreads();
        }
        return tracing;
    }

    @Bean
    S3RequestMeters s3RequestMeters(MeterRegistry registry, MetricsProperties p) {
        return new S3RequestMeters(registry, p.buckets());
    }

    @Bean
    S3Observer s3Observer(S3RequestMeters meters, RequestTracing tracing) {
        return new S3Observer(meters, tracing);
    }

    @Bean
    StorageSampler storageSampler(DatabaseClient db, MeterRegistry registry, MetricsProperties p) {
        return new StorageSampler(db, registry, p);
    }

    @Bean
    DependencyGauges dependencyGauges(DependencyProbes probes, MeterRegistry registry) {
        return new DependencyGauges(probes, registry);
    }

    @Bean
    Periodically storageSampling(StorageSampler sampler, MetricsProperties p) {
        return new Periodically("storage figures", p.storageSampleInterval(), sampler::sample);
    }

    @Bean
    Periodically dependencyProbing(DependencyGauges gauges, MetricsProperties p) {
        return new Periodically("dependency states", p.probeInterval(), gauges::sample);
    }

    @Bean
    RouterFunction<ServerResponse> metricsRouterFunction(PrometheusMeterRegistry registry) {
        return RouterFunctions.route().GET("/_mocks3/metrics", scrape(registry)).build();
    }

    @Bean
    SidePortRoutes sidePortRoutes(PrometheusMeterRegistry registry, DependencyProbes probes) {
        HandlerFunction<ServerResponse> scrape = scrape(registry);
        RouterFunction<ServerResponse> routes = RouterFunctions.route().GET("/metrics", scrape).GET("/_mocks3/metrics", scrape).build()
                .and(HealthRoute.readiness(probes));
        return () -> routes;
    }

    private static HandlerFunction<ServerResponse> scrape(PrometheusMeterRegistry registry) {
        return request -> ServerResponse.ok().contentType(MediaType.parseMediaType(PROMETHEUS_TEXT)).bodyValue(registry.scrape());
    }

    /**
     * {@code mocks3.tracing.query-spans} (default true): a span per PostgreSQL statement. It needs
     * Reactor's automatic context propagation, the costliest part of tracing (see load-tests/README.md).
     */
    private static boolean querySpans(Environment env) {
        return env.getProperty("mocks3.tracing.query-spans", Boolean.class, true);
    }

    /**
     * While tracing is on, blob I/O and each PostgreSQL statement are spans of their own beneath the
     * request's; off, the blob store and the connection factory stay as they are.
     */
    @Bean
    static BeanPostProcessor tracedBlobStore(Environment env, @Lazy ObjectProvider<RequestTracing> tracing) {
        boolean on = ObservabilitySettings.tracingOn(env);
        boolean queries = on && querySpans(env);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                if (on && bean instanceof BlobStore blobs && !(bean instanceof TracedBlobStore)) {
                    return new TracedBlobStore(blobs, tracing.getObject());
                }
                if (queries && bean instanceof ConnectionFactory db) {
                    return ProxyConnectionFactory.builder(db).listener(new QuerySpans(tracing.getObject())).build();
                }
                return bean;
            }
        };
    }
}
