package dev.mocks3.local.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schemas of {@code events/schemas/}, by event type, checked with networknt's validator. */
final class EventSchemas {
    private static final Path FOLDER = Path.of("..", "events", "schemas");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> BY_TYPE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of the data of an event of {@code type}; empty when it is valid. */
    static List<String> violations(String type, JsonNode data) {
        Schema schema = BY_TYPE.computeIfAbsent(type, EventSchemas::load);
        return schema.validate(data).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private static Schema load(String type) {
        Path file = FOLDER.resolve(type + ".json");
        try {
            return REGISTRY.getSchema(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("no schema for " + type + " at " + file.toAbsolutePath(), e);
        }
    }
}
