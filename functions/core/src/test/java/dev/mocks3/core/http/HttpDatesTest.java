package dev.mocks3.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The hand-written Last-Modified says exactly what the RFC 1123 pattern says. */
class HttpDatesTest {
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void formatsAsThePatternDoesOverManyInstants() {
        SplittableRandom random = new SplittableRandom(13);
        long from = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
            assertThat(HttpDates.format(time)).isEqualTo(PATTERN.format(time));
        }
    }

    @Test
    void formatsTheEdges() {
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "2026-12-07T01:45:09.999Z", "2024-02-29T23:59:59Z",
                "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant time = Instant.parse(edge);
            assertThat(HttpDates.format(time)).isEqualTo(PATTERN.format(time));
        }
        assertThat(HttpDates.format(Instant.parse("2026-12-07T01:45:09Z"))).isEqualTo("Mon, 07 Dec 2026 01:45:09 GMT");
    }
}
