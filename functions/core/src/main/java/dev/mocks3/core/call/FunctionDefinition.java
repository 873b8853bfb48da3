package dev.mocks3.core.call;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code spring.cloud.function.definition} read as the set of functions an instance serves
 * ({@code putObject}, {@code getObject;headObject}); blank means every function, as the local runner runs.
 */
public record FunctionDefinition(String text) {
    public static final String PROPERTY = "spring.cloud.function.definition";

    public FunctionDefinition {
        text = text == null ? "" : text.strip();
    }

    public boolean selects(String functionName) {
        return text.isEmpty() || names().contains(functionName);
    }

    public Set<String> names() {
        return Arrays.stream(text.split("[|,;]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
