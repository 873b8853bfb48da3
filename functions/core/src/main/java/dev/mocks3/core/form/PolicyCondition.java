package dev.mocks3.core.form;

import java.util.Locale;

import org.springframework.core.io.buffer.DataBuffer;

import dev.mocks3.core.call.BodySizeLimit;
import dev.mocks3.core.error.S3Error;
import reactor.core.publisher.Flux;

/** One condition of a form upload's policy: a field's value, or the size of the file. */
public sealed interface PolicyCondition {

    /**
     * {@code ["eq", "$field", "value"]} (or {@code {"field": "value"}}) and {@code ["starts-with", "$field", "prefix"]};
     * field names are matched in any case, values exactly.
     */
    record Match(boolean prefix, String field, String value) implements PolicyCondition {

        public Match {
            field = field.toLowerCase(Locale.ROOT);
        }

        /** A missing field counts as empty, so {@code ["starts-with", "$field", ""]} allows leaving it out. */
        boolean holds(String actual) {
            String given = actual == null ? "" : actual;
            if (!prefix) {
                return given.equals(value);
            }
            if (field.equals("content-type")) {
                // S3 checks each of a comma-separated list of types
                for (String type : given.split(",")) {
                    if (!type.strip().startsWith(value)) {
                        return false;
                    }
                }
                return true;
            }
            return given.startsWith(value);
        }

        /** The condition as S3 quotes it in its refusal. */
        String describe() {
            return "[\"" + (prefix ? "starts-with" : "eq") + "\", \"$" + field + "\", \"" + value + "\"]";
        }
    }

    /** {@code ["content-length-range", min, max]}: the file's size in bytes, both ends included. */
    record LengthRange(long min, long max) implements PolicyCondition {

        /** The bytes, failing with EntityTooLarge as soon as they pass max, EntityTooSmall at the end if under min. */
        public Flux<DataBuffer> limit(Flux<DataBuffer> content) {
            return Flux.defer(() -> {
                long[] seen = {0};
                return BodySizeLimit.atMost(content, max).doOnNext(buffer -> seen[0] += buffer.readableByteCount())
                        .concatWith(Flux.defer(() -> seen[0] < min
                                ? Flux.error(S3Error.ENTITY_TOO_SMALL.exception(
                                        "Your proposed upload is smaller than the minimum allowed size")
                                        .with("ProposedSize", Long.toString(seen[0])).with("MinSizeAllowed", Long.toString(min)))
                                : Flux.empty()));
            });
        }
    }
}
