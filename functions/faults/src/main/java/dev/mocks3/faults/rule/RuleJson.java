package dev.mocks3.faults.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule document: JSON in, {@link FaultRule} out, by data binding on the records themselves
 * (snake_case, {@code type} ids, each record's {@code of} factory checking its values). Every error
 * names the field ({@code conditions[0].value}): Jackson's path to the failure plus the field the
 * record named.
 */
public final class RuleJson {
    /** Only what the records mark with {@code @JsonProperty} is JSON: nothing is picked up by accident. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
                    MapperFeature.AUTO_DETECT_FIELDS, MapperFeature.AUTO_DETECT_SETTERS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .addModule(JsonValues.module())
            .build();

    private RuleJson() {
    }

    /** A rule from its document; {@code id} may be absent (the store assigns one). */
    public static FaultRule read(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new InvalidRuleException("$", "a rule must be a JSON object");
        }
        return bind(doc, FaultRule.class, "");
    }

    /** An action on its own (the {@code x-mocks3-fault} header uses this). */
    public static FaultAction action(JsonNode node, String path) {
        return bind(node, FaultAction.class, path);
    }

    public static ObjectNode write(FaultRule rule) {
        return MAPPER.valueToTree(rule);
    }

    public static ObjectNode write(FaultAction action) {
        return MAPPER.valueToTree(action);
    }

    public static ObjectNode write(Condition condition) {
        return MAPPER.valueToTree(condition);
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to a rule document; {@code id} cannot be changed, and
     * an {@code action} in the patch replaces the action whole (its fields depend on its type).
     */
    public static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidRuleException("$", "a patch must be a JSON object");
        }
        JsonNode id = patch.get("id");
        if (id != null && !id.asText().equals(target.path("id").asText())) {
            throw new InvalidRuleException("id", "cannot be changed");
        }
        ObjectNode result = target.deepCopy();
        merge(result, patch, true);
        return result;
    }

    private static void merge(ObjectNode target, JsonNode patch, boolean ruleLevel) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode inner
                    && !(ruleLevel && e.getKey().equals("action"))) {
                merge(inner, value, false);
            } else {
                target.set(e.getKey(), value);
            }
        }
    }

    /** Reads JSON text with a message a user can act on. */
    public static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new InvalidRuleException("$", "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static <T> T bind(JsonNode node, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw invalid(e, node, path);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(path.isEmpty() ? "$" : path, e.getMessage());
        } catch (java.io.IOException e) {
            throw new InvalidRuleException(path.isEmpty() ? "$" : path, "not readable: " + e.getMessage());
        }
    }

    /** Jackson's failure as the field the user wrote and what is wrong with it. */
    private static InvalidRuleException invalid(JsonMappingException e, JsonNode doc, String root) {
        Location where = Location.of(doc, root, e.getPath());
        String path = where.path();
        JsonNode at = where.node();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InvalidRuleException r) {
                return new InvalidRuleException(join(path, JsonAliases.asWritten(at, r.field())), r.reason());
            }
        }
        if (e instanceof InvalidTypeIdException t) {
            boolean action = FaultAction.class.isAssignableFrom(t.getBaseType().getRawClass());
            if (at != null && !at.isObject()) {
                return new InvalidRuleException(path, "must be an object with a \"type\"");
            }
            if (t.getTypeId() == null) {
                return new InvalidRuleException(join(path, "type"), "is required and must be a string");
            }
            return new InvalidRuleException(join(path, "type"), "unknown " + (action ? "action" : "condition") + " '"
                    + t.getTypeId() + "' (" + String.join(", ", TypeIds.all(action ? FaultAction.class : Condition.class)) + ")");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            if (u.getReferringClass() == FaultRule.class) {
                return new InvalidRuleException(path, "unknown field (expected one of "
                        + String.join(", ", new TreeSet<>(known(u.getKnownPropertyIds()))) + ")");
            }
            return new InvalidRuleException(path, "unknown field for type '" + TypeIds.of(u.getReferringClass()) + "'");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new InvalidRuleException(path.isEmpty() ? "$" : path, expected(m.getTargetType()));
        }
        return new InvalidRuleException(path.isEmpty() ? "$" : path, e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase()).toList());
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be an object of strings";
        }
        if (type == FaultAction.class || type == Condition.class) {
            return "must be an object with a \"type\"";
        }
        return "has the wrong type";
    }

    private static List<String> known(Collection<Object> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(String.valueOf(id)));
        return out;
    }

    /** Where Jackson failed: the path as the user wrote it (aliases included) and the node there. */
    private record Location(String path, JsonNode node) {
        static Location of(JsonNode doc, String root, List<JsonMappingException.Reference> refs) {
            String path = root;
            JsonNode n = doc;
            for (JsonMappingException.Reference r : refs) {
                if (r.getFieldName() != null) {
                    String field = JsonAliases.asWritten(n, r.getFieldName());
                    path = join(path, field);
                    n = n == null ? null : n.get(field);
                } else if (r.getIndex() >= 0) {
                    path = path + "[" + r.getIndex() + "]";
                    n = n == null ? null : n.get(r.getIndex());
                }
            }
            return new Location(path, n);
        }
    }

    private static String join(String path, String field) {
        if (field.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
    }
}
