package dev.mocks3.events.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.notifications.*}: the CloudEvents sinks bucket notifications may name, and how the
 * outbox dispatcher delivers events.
 *
 * @param destinations sink URL by name; a notification configuration names one by any ARN ending in {@code :<name>}
 * @param deadLetter   where an event goes once every attempt failed (binary mode); none: it stays in the
 *                     outbox marked dead, visible under {@code /_mocks3/jobs/scheduled?state=dead}
 * @param maxAttempts  deliveries tried before the dead-letter sink
 * @param backoff      delay before the second attempt; each later one waits twice as long, up to {@code maxBackoff}
 * @param pollInterval how often the dispatcher looks for due events when nothing woke it up
 * @param dispatch     false: this instance writes events but never delivers them (another instance does)
 */
@ConfigurationProperties("mocks3.notifications")
public record NotificationsProperties(Map<String, URI> destinations, URI deadLetter,
                                      @DefaultValue("6") int maxAttempts,
                                      @DefaultValue("1s") Duration backoff,
                                      @DefaultValue("5m") Duration maxBackoff,
                                      @DefaultValue("1s") Duration pollInterval,
                                      @DefaultValue("64") int batchSize,
                                      @DefaultValue("true") boolean dispatch) {

    public NotificationsProperties {
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
        maxAttempts = Math.max(1, maxAttempts);
    }

    /** The CloudEvent extension attribute naming the destination an event is for. */
    public static final String DESTINATION_ATTRIBUTE = "mocks3destination";

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
        Duration next = backoff.multipliedBy(factor);
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }

    /** One local Trigger per destination: events carrying its name as {@link #DESTINATION_ATTRIBUTE}. */
    public java.util.List<Trigger> destinationTriggers() {
        return destinations.entrySet().stream()
                .map(d -> new Trigger("notifications-" + d.getKey(), Map.of(DESTINATION_ATTRIBUTE, d.getKey()), d.getValue()))
                .toList();
    }
}
