package dev.mocks3.jobs.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.lifecycle.*}: how long a lifecycle day lasts (one real day, or {@code 2s} in a test
 * or a demo) and whether this instance starts lifecycle runs itself. Rules' days are counted in it,
 * and a run starts every eighth of a day (at least every 200 ms, at most every hour), so an object
 * is removed within about an eighth of a day after it expires.
 *
 * @param scan start a run every {@link #scanEvery()} here (off on a cluster where a PingSource sends the scans)
 */
@ConfigurationProperties("mocks3.lifecycle")
public record LifecycleProperties(@DefaultValue("1d") Duration day, @DefaultValue("true") boolean scan) {
    private static final Duration FASTEST = Duration.ofMillis(200);
    private static final Duration SLOWEST = Duration.ofHours(1);

    public Duration scanEvery() {
        Duration eighth = day.dividedBy(8);
        return eighth.compareTo(FASTEST) < 0 ? FASTEST : eighth.compareTo(SLOWEST) > 0 ? SLOWEST : eighth;
    }
}
