package dev.mocks3.events.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.events.*}: where CloudEvents go.
 *
 * @param sink where to POST events (binary mode); empty means in-process delivery. On Knative the
 *             SinkBinding's {@code K_SINK} environment variable is used when this is not set.
 * @param triggers local Triggers of the in-process broker, by name:
 *                 {@code mocks3.events.triggers.<name>.subscriber=<url>} and
 *                 {@code mocks3.events.triggers.<name>.filter.<attribute>=<value>}
 */
@ConfigurationProperties("mocks3.events")
public record EventsProperties(URI sink, @DefaultValue("5s") Duration timeout, Map<String, TriggerSpec> triggers) {

    public EventsProperties {
        triggers = triggers == null ? Map.of() : Map.copyOf(triggers);
    }

    /** One configured Trigger: exact-match attribute filter, subscriber URL. */
    public record TriggerSpec(URI subscriber, Map<String, String> filter) {
    }

    public List<Trigger> configuredTriggers() {
        return triggers.entrySet().stream()
                .map(t -> new Trigger(t.getKey(), t.getValue().filter() == null ? Map.of() : t.getValue().filter(),
                        t.getValue().subscriber()))
                .toList();
    }

    /** The configured sink, else K_SINK, else null. */
    public URI effectiveSink() {
        if (sink != null && !sink.toString().isBlank()) {
            return sink;
        }
        String kSink = System.getenv("K_SINK");
        return kSink == null || kSink.isBlank() ? null : URI.create(kSink);
    }
}
