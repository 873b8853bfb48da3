package dev.mocks3.core.auth;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.mocks3.core.http.HttpDates;

/** The ISO 8601 basic timestamps of SigV4 ({@code 20130524T000000Z}), and the RFC 1123 Date header. */
final class AmzDate {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private AmzDate() {
    }

    /** The instant, or null when {@code value} is not a basic ISO 8601 UTC timestamp. */
    static Instant parse(String value) {
        try {
            return LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant of an RFC 1123 {@code Date} header (see {@link HttpDates#parse}), or null; one before 1970 is invalid. */
    static Instant parseHttpDate(String value) {
        Instant instant = HttpDates.parse(value);
        return instant == null || instant.isBefore(Instant.EPOCH) ? null : instant;
    }

    static String format(Instant instant) {
        return BASIC.format(instant.atOffset(ZoneOffset.UTC));
    }
}
