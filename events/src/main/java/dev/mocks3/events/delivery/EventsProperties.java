package dev.mocks3.events.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mocks3.events.*}: where CloudEvents go.
 *
 * @param sink where to POST events (binary mode); empty means in-process delivery. On Knative the
 *             SinkBinding's {@code K_SINK} environment variable is used when this is not set.
 */
@ConfigurationProperties("mocks3.events")
public record EventsProperties(URI sink, @DefaultValue("5s") Duration timeout) {

    /** The configured sink, else K_SINK, else null. */
    public URI effectiveSink() {
        if (sink != null && !sink.toString().isBlank()) {
            return sink;
        }
        String kSink = System.getenv("K_SINK");
        return kSink == null || kSink.isBlank() ? null : URI.create(kSink);
    }
}
