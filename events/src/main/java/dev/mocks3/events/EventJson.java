package dev.mocks3.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/** Builds MockS3 CloudEvents with JSON payloads and reads their payloads back. */
public final class EventJson {

    public static final String JSON = "application/json";

    /** The mapper for payloads: ISO-8601 times, unknown fields ignored (producers may add fields). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static CloudEvent event(String type, URI source, String subject, Object payload) {
        return event(UUID.randomUUID().toString(), type, source, subject, payload);
    }

    /** An event with a chosen id: a consumer that is idempotent by id treats two such events as one. */
    public static CloudEvent event(String id, String type, URI source, String subject, Object payload) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withData(JSON, bytes(payload));
        if (subject != null) {
            builder.withSubject(subject);
        }
        return builder.build();
    }

    public static byte[] bytes(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event's data as a JSON tree, or an empty object when it has none. */
    public static JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("event data is not JSON: " + e.getMessage(), e);
        }
    }

    public static <T> T data(CloudEvent event, Class<T> type) {
        return MAPPER.convertValue(data(event), type);
    }
}
