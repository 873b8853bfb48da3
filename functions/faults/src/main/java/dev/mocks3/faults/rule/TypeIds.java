package dev.mocks3.faults.rule;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** The JSON type ids of a sealed family, read from its {@link JsonSubTypes}: the one place they are written. */
final class TypeIds {
    private static final ClassValue<String> IDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            for (Class<?> family : type.getInterfaces()) {
                JsonSubTypes subTypes = family.getAnnotation(JsonSubTypes.class);
                if (subTypes != null) {
                    for (JsonSubTypes.Type t : subTypes.value()) {
                        if (t.value() == type) {
                            return t.name();
                        }
                    }
                }
            }
            throw new IllegalStateException(type.getName() + " has no JSON type id");
        }
    };

    private TypeIds() {
    }

    static String of(Class<?> type) {
        return IDS.get(type);
    }

    /** Every type id of the family (not the aliases), in declaration order. */
    static List<String> all(Class<?> family) {
        List<String> ids = new ArrayList<>();
        for (JsonSubTypes.Type t : family.getAnnotation(JsonSubTypes.class).value()) {
            ids.add(t.name());
        }
        return ids;
    }
}
