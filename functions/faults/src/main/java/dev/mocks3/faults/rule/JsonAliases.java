package dev.mocks3.faults.rule;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;

/** A field named in an error the way the user wrote it: {@code probability} when that alias of {@code value} was used. */
final class JsonAliases {
    private JsonAliases() {
    }

    static String asWritten(JsonNode object, String field) {
        if (object == null || !object.isObject() || field.isEmpty() || object.has(field) || !object.has("type")) {
            return field;
        }
        Class<?> type = typeOf(object.get("type").asText());
        if (type == null) {
            return field;
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class)) {
                for (Parameter p : m.getParameters()) {
                    JsonProperty name = p.getAnnotation(JsonProperty.class);
                    JsonAlias aliases = p.getAnnotation(JsonAlias.class);
                    if (name != null && name.value().equals(field) && aliases != null) {
                        for (String alias : aliases.value()) {
                            if (object.has(alias)) {
                                return alias;
                            }
                        }
                    }
                }
            }
        }
        return field;
    }

    private static Class<?> typeOf(String id) {
        for (Class<?> family : new Class<?>[] {FaultAction.class, Condition.class}) {
            for (JsonSubTypes.Type t : family.getAnnotation(JsonSubTypes.class).value()) {
                if (t.name().equalsIgnoreCase(id) || java.util.Arrays.stream(t.names()).anyMatch(id::equalsIgnoreCase)) {
                    return t.value();
                }
            }
        }
        return null;
    }
}
