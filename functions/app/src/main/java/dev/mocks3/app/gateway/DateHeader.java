package dev.mocks3.app.gateway;

import java.time.Instant;

import dev.mocks3.core.http.HttpDates;

/**
 * The {@code Date} header of every S3 answer, formatted once per second: it names whole seconds, so every
 * answer of the same second carries the same text, and formatting it anew for each one was wasted work.
 */
final class DateHeader {
    private record Second(long epochSecond, String text) {
    }

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    /** Now, as RFC 1123 says it ({@code Mon, 07 Dec 2026 01:45:00 GMT}, as S3 writes it). */
    String now() {
        long second = Math.floorDiv(System.currentTimeMillis(), 1000L);
        Second known = last;
        if (known.epochSecond() != second) {
            known = new Second(second, HttpDates.format(Instant.ofEpochSecond(second)));
            last = known;
        }
        return known.text();
    }
}
