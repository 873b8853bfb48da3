package dev.mocks3.state.metadata;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.r2dbc.postgresql.codec.Json;

/** Reads and writes the jsonb columns that hold string maps (headers, user metadata). */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

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
        try {
            return MAPPER.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable json column: " + text, e);
        }
    }
}
