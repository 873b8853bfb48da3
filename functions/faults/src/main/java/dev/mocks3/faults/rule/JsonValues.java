package dev.mocks3.faults.rule;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Values as users write them in rule documents: durations ({@code "2s"}, {@code 150}), byte counts
 * ({@code "64KiB"}), ISO times, times of day, and names given as one string, a comma list or an array.
 * Each refuses a bad value with a message for the user; the field is named by {@link RuleJson}.
 */
final class JsonValues {
    static final String INSTANT_EXPECTED = "must be an ISO-8601 time such as 2030-01-01T00:00:00Z";

    private JsonValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("mocks3-rule-values")
                .addDeserializer(Duration.class, new DurationText())
                .addSerializer(Duration.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(Duration.class) {
                    @Override
                    public void serialize(Duration d, JsonGenerator gen, SerializerProvider p) throws IOException {
                        gen.writeString(Quantities.format(d));
                    }
                })
                .addDeserializer(Instant.class, new InstantText())
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(LocalTime.class, new LocalTimeText())
                .addSerializer(LocalTime.class, ToStringSerializer.instance)
                .addSerializer(ZoneId.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(ZoneId.class) {
                    @Override
                    public void serialize(ZoneId z, JsonGenerator gen, SerializerProvider p) throws IOException {
                        gen.writeString(z.getId());
                    }
                });
    }

    /** A duration: {@code "2s"}, {@code "150ms"}, {@code "PT2S"}, or a number of milliseconds; never negative. */
    static final class DurationText extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || p.currentToken().isStructStart()) {
                throw new InvalidRuleException("", "is required (e.g. \"2s\", \"150ms\")");
            }
            try {
                Duration d = Quantities.duration(text);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("must not be negative");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException("", e.getMessage());
            }
        }
    }

    /** A byte count: {@code 4096} or {@code "64KiB"}. */
    static final class ByteCount extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getLongValue() >= 0) {
                return p.getLongValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Quantities.bytes(p.getText());
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleException("", e.getMessage());
                }
            }
            throw new InvalidRuleException("", "must be a byte count such as 4096 or \"64KiB\"");
        }
    }

    /** Names: one string (commas separate several) or an array of strings; never empty. */
    static final class TextList extends JsonDeserializer<List<String>> {
        @Override
        public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode v = p.readValueAsTree();
            List<String> out = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(e -> out.add(e.asText()));
            } else if (v.isTextual()) {
                for (String s : v.asText().split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            } else {
                throw new InvalidRuleException("", "must be a string or an array of strings");
            }
            if (out.isEmpty()) {
                throw new InvalidRuleException("", "must not be empty");
            }
            return out;
        }
    }

    /** An ISO-8601 time with an offset or {@code Z}. */
    static final class InstantText extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new InvalidRuleException("", INSTANT_EXPECTED);
            }
            try {
                return OffsetDateTime.parse(p.getText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRuleException("", INSTANT_EXPECTED);
            }
        }
    }

    /** A time of day: {@code 09:00}, {@code 17:30:00}. */
    static final class LocalTimeText extends JsonDeserializer<LocalTime> {
        @Override
        public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return LocalTime.parse(p.getValueAsString(""));
            } catch (DateTimeParseException e) {
                throw new InvalidRuleException("", "must be a time of day such as 09:00 or 17:30:00");
            }
        }
    }
}
