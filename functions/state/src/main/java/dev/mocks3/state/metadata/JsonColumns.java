package dev.mocks3.state.metadata;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.r2dbc.postgresql.codec.Json;

/** Reads and writes the jsonb columns that hold string maps (headers, user metadata). */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {
    };
    /** Built once: {@code readValue} with a type reference resolves the type again on every call. */
    private static final ObjectReader STRING_MAP_READER = MAPPER.readerFor(STRING_MAP);
    private static final String EMPTY = "{}";

    private JsonColumns() {
    }

    static Json write(Map<String, String> values) {
        try {
            return Json.of(MAPPER.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, String> read(Object column) {
        if (column == null) {
            return Map.of();
        }
        String text = column instanceof Json json ? json.asString() : column.toString();
        if (EMPTY.equals(text)) {
            // most objects have no stored headers, user metadata or tags: nothing to parse
            return new TreeMap<>();
        }
        try {
            return STRING_MAP_READER.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable json column: " + text, e);
        }
    }
}
