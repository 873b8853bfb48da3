package dev.mocks3.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.routing.S3Operation;
import reactor.core.publisher.Mono;

/** Which operations an instance serves, and with which stages, comes from the function catalog. */
class OperationPipelinesTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class))
            .withUserConfiguration(Functions.class)
            .withBean(PipelineProperties.class, () -> new PipelineProperties(java.util.List.of("authCheck", "faultCheck"),
                    java.util.List.of("faultRespond")))
            .withBean(OperationPipelines.class);

    @Configuration(proxyBeanMethods = false)
    static class Functions {
        @Bean
        Function<Mono<S3Call>, Mono<S3Call>> authCheck() {
            return calls -> calls.map(call -> call.withAttribute("trail", "auth"));
        }

        @Bean
        Function<Mono<S3Call>, Mono<S3Call>> putObject() {
            return calls -> calls.map(call -> call.withAttribute("trail", call.attribute("trail") + ">put"));
        }

        @Bean
        Function<Mono<S3Call>, Mono<S3Call>> getObject() {
            return calls -> calls;
        }
    }

    @Test
    void composesThePresentStagesAroundEachOperationItHas() {
        context.run(ctx -> {
            OperationPipelines pipelines = ctx.getBean(OperationPipelines.class);
            assertThat(pipelines.definition(S3Operation.PUT_OBJECT)).isEqualTo("authCheck|putObject");
            assertThat(pipelines.of(S3Operation.DELETE_OBJECT)).isEmpty();
            S3Call served = pipelines.of(S3Operation.PUT_OBJECT).orElseThrow()
                    .apply(Mono.just(S3Call.of(null, S3Operation.PUT_OBJECT))).block();
            assertThat(served.<String>attribute("trail")).isEqualTo("auth>put");
        });
    }

    @Test
    void aFunctionDefinitionLimitsTheInstanceToTheOperationsItNames() {
        context.withPropertyValues("spring.cloud.function.definition=authCheck|getObject").run(ctx -> {
            OperationPipelines pipelines = ctx.getBean(OperationPipelines.class);
            assertThat(pipelines.of(S3Operation.GET_OBJECT)).isPresent();
            assertThat(pipelines.of(S3Operation.PUT_OBJECT)).isEmpty();
        });
    }

    /** The stages' own beans serve the call, without the catalog's per-call type handling between them. */
    @Test
    void servesTheOperationWithTheStagesOwnFunctions() {
        context.run(ctx -> {
            Function<Mono<S3Call>, Mono<S3Call>> pipeline = ctx.getBean(OperationPipelines.class)
                    .of(S3Operation.PUT_OBJECT).orElseThrow();
            assertThat(pipeline).isNotInstanceOf(
                    org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper.class);
            S3Call served = pipeline.apply(Mono.just(S3Call.of(null, S3Operation.PUT_OBJECT))).block();
            assertThat(served.<String>attribute("trail")).isEqualTo("auth>put");
        });
    }
}
