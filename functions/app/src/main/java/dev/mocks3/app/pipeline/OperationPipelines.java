package dev.mocks3.app.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.FunctionDefinition;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.routing.S3Operation;
import reactor.core.publisher.Mono;

/**
 * The composed function ({@code authCheck|faultCheck|putObject|faultRespond}) that serves each
 * operation, looked up once from the Spring Cloud Function catalog. An operation whose function
 * this instance does not have, or that {@code spring.cloud.function.definition} does not name, is
 * not served here: on a cluster each Knative service names its one operation, another serves the rest.
 */
@Component
public class OperationPipelines {
    private static final Logger log = LoggerFactory.getLogger(OperationPipelines.class);
    private final Map<S3Operation, Function<Mono<S3Call>, Mono<S3Call>>> pipelines = new EnumMap<>(S3Operation.class);
    private final Map<S3Operation, String> definitions = new EnumMap<>(S3Operation.class);

    public OperationPipelines(FunctionCatalog catalog, PipelineProperties properties,
                              @Value("${spring.cloud.function.definition:}") String definition) {
        FunctionDefinition selected = new FunctionDefinition(definition);
        List<S3Operation> served = Arrays.stream(S3Operation.values())
                .filter(operation -> selected.selects(operation.functionName()))
                .filter(operation -> catalog.lookup(operation.functionName()) != null).toList();
        // the stages are lazy beans: an instance that serves no S3 operation never builds them
        List<String> before = served.isEmpty() ? List.of() : present(catalog, properties.before());
        List<String> after = served.isEmpty() ? List.of() : present(catalog, properties.after());
        for (S3Operation operation : served) {
            List<String> stages = new ArrayList<>(before);
            stages.add(operation.functionName());
            stages.addAll(after);
            String composition = String.join("|", stages);
            Function<Mono<S3Call>, Mono<S3Call>> composed = catalog.lookup(Function.class, composition);
            pipelines.put(operation, direct(catalog, stages).orElse(composed));
            definitions.put(operation, composition);
        }
        log.info("serving {} S3 operations: {}", pipelines.size(), definitions.values());
    }

    public Optional<Function<Mono<S3Call>, Mono<S3Call>>> of(S3Operation operation) {
        return Optional.ofNullable(pipelines.get(operation));
    }

    public String definition(S3Operation operation) {
        return definitions.get(operation);
    }

    /**
     * The same composition of the stages' own beans, when every stage takes and gives a
     * {@code Mono<S3Call>}: the catalog's wrapper would otherwise resolve and check those types again on
     * every call (a tenth of a 4 KiB GET's CPU), for no conversion, since there is none to make.
     */
    @SuppressWarnings("unchecked")
    static Optional<Function<Mono<S3Call>, Mono<S3Call>>> direct(FunctionCatalog catalog, List<String> stages) {
        Function<Mono<S3Call>, Mono<S3Call>> composed = Function.identity();
        for (String name : stages) {
            if (!(catalog.lookup(name) instanceof SimpleFunctionRegistry.FunctionInvocationWrapper wrapper)
                    || !(wrapper.getTarget() instanceof Function<?, ?> target)
                    || !isMonoOfCalls(wrapper.getInputType()) || !isMonoOfCalls(wrapper.getOutputType())) {
                return Optional.empty();
            }
            composed = composed.andThen((Function<Mono<S3Call>, Mono<S3Call>>) target);
        }
        return Optional.of(composed);
    }

    private static boolean isMonoOfCalls(java.lang.reflect.Type type) {
        ResolvableType resolved = ResolvableType.forType(type);
        return Mono.class.equals(resolved.resolve()) && S3Call.class.equals(resolved.getGeneric(0).resolve());
    }

    private static List<String> present(FunctionCatalog catalog, List<String> names) {
        return names.stream().filter(name -> catalog.lookup(name) != null).toList();
    }
}
