package dev.mocks3.app.admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.jobs.run.JobDispatch;
import dev.mocks3.jobs.run.JobsRoute;
import dev.mocks3.jobs.upstream.UpstreamRoute;
import dev.mocks3.state.upstream.UpstreamStore;

/** The jobs module's endpoints on the S3 port, behind {@link AdminAccess}. */
@Configuration(proxyBeanMethods = false)
public class JobRoutes {

    @Bean
    @ConditionalOnProperty(prefix = "mocks3.jobs", name = "receiver", matchIfMissing = true)
    RouterFunction<ServerResponse> jobsRouterFunction(JobDispatch dispatch, ObjectProvider<AccessKeys> keys, Environment env) {
        return AdminAccess.of(keys, env).guard(new JobsRoute(dispatch).routes());
    }

    @Bean
    RouterFunction<ServerResponse> upstreamRouterFunction(UpstreamStore upstreams, ObjectProvider<AccessKeys> keys,
                                                          Environment env) {
        return AdminAccess.of(keys, env).guard(new UpstreamRoute(upstreams).routes());
    }
}
