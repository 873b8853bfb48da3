package dev.mocks3.core.auth;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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

    /**
     * The instant of an RFC 1123 {@code Date} header, or null; the day of the week is not checked against the
     * date (S3 ignores it: {@code Tue, 07 Jul 2010} is skewed, not invalid), and a date before 1970 is invalid.
     */
    static Instant parseHttpDate(String value) {
        int comma = value.indexOf(',');
        try {
            Instant instant = ZonedDateTime.parse(value.substring(comma + 1).strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return instant.isBefore(Instant.EPOCH) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return BASIC.format(instant.atOffset(ZoneOffset.UTC));
    }
}
