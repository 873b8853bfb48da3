package dev.mocks3.drive.http;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of a request, from its JSON body or its query string alike, read with validation:
 * every getter refuses a missing or malformed value with 100002 and a message naming the field.
 */
public final class DriveInput {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private final JsonNode fields;

    private DriveInput(JsonNode fields) {
        this.fields = fields;
    }

    public static DriveInput of(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new DriveInput(JsonNodeFactory.instance.objectNode());
        }
        if (!body.isObject()) {
            throw DriveError.BAD_REQUEST.exception("the body must be a JSON object");
        }
        return new DriveInput(body);
    }

    public static DriveInput ofQuery(Map<String, String> query) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        query.forEach(node::put);
        return new DriveInput(node);
    }

    public String text(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw DriveError.BAD_REQUEST.exception(name + " is required");
        }
        if (!value.isTextual()) {
            throw DriveError.BAD_REQUEST.exception(name + " must be a string");
        }
        return value.asText();
    }

    public String text(String name, String fallback) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() ? fallback : text(name);
    }

    public long number(String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw DriveError.BAD_REQUEST.exception(name + " is required");
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().strip());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw DriveError.BAD_REQUEST.exception(name + " must be an integer");
    }

    public long number(String name, long fallback) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank()) ? fallback : number(name);
    }

    /** An integer field within bounds. */
    public long number(String name, long fallback, long min, long max) {
        long value = number(name, fallback);
        if (value < min || value > max) {
            throw DriveError.BAD_REQUEST.exception(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** An id: 0 (the root) or a positive number. */
    public long id(String name) {
        long id = number(name);
        if (id < 0) {
            throw DriveError.BAD_REQUEST.exception(name + " must not be negative");
        }
        return id;
    }

    public long id(String name, long fallback) {
        return fields.hasNonNull(name) ? id(name) : fallback;
    }

    /**
     * Positive ids, without repeats, from a JSON array of integers or a comma-separated string (a query
     * parameter); at least one and at most {@code max}.
     */
    public java.util.List<Long> ids(String name, int max) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw DriveError.BAD_REQUEST.exception(name + " is required");
        }
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (value.isTextual()) {
            for (String part : value.asText().split(",", -1)) {
                items.add(JsonNodeFactory.instance.textNode(part));
            }
        } else {
            throw DriveError.BAD_REQUEST.exception(name + " must be an array of ids");
        }
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        for (JsonNode item : items) {
            long id = DriveInput.of(JsonNodeFactory.instance.objectNode().set(name, item)).number(name);
            if (id <= 0) {
                throw DriveError.BAD_REQUEST.exception(name + " must hold positive ids");
            }
            ids.add(id);
        }
        if (ids.isEmpty() || ids.size() > max) {
            throw DriveError.BAD_REQUEST.exception(name + " must hold 1 to " + max + " ids");
        }
        return java.util.List.copyOf(ids);
    }

    /** Whether the field is present and not null. */
    public boolean has(String name) {
        return fields.hasNonNull(name);
    }

    /** A SHA-256 as 64 hexadecimal digits (either case; returned in lower case). */
    public String sha256(String name) {
        String value = text(name).strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256_HEX.matcher(value).matches()) {
            throw DriveError.BAD_REQUEST.exception(name + " must be 64 hexadecimal digits");
        }
        return value;
    }

    /** One of a few words, case-insensitive. */
    public String choice(String name, String fallback, String... allowed) {
        String value = text(name, fallback).strip().toLowerCase(java.util.Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(value)) {
                return option;
            }
        }
        throw DriveError.BAD_REQUEST.exception(name + " must be one of " + String.join(", ", allowed));
    }

    /** How to handle a name already taken: {@code error} (the default) or {@code rename} (" (1)" suffix). */
    public OnConflict onConflict() {
        return "rename".equals(choice("onConflict", "error", "error", "rename")) ? OnConflict.RENAME : OnConflict.ERROR;
    }
}
