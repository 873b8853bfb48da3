package dev.mocks3.events.delivery;

import java.net.URI;
import java.util.Map;

import io.cloudevents.CloudEvent;

/**
 * The local stand-in for a Knative Trigger: every event whose attributes equal all of
 * {@code filter} (context attributes such as {@code type} or {@code source}, or extensions) is
 * POSTed to {@code subscriber}. An empty filter takes every event, as in Knative.
 */
public record Trigger(String name, Map<String, String> filter, URI subscriber) {

    public Trigger {
        filter = Map.copyOf(filter);
    }

    public boolean matches(CloudEvent event) {
        return filter.entrySet().stream().allMatch(entry -> entry.getValue().equals(attribute(event, entry.getKey())));
    }

    private static String attribute(CloudEvent event, String name) {
        Object value;
        try {
            value = event.getAttribute(name);
        } catch (IllegalArgumentException notAContextAttribute) {
            value = null;
        }
        if (value == null) {
            value = event.getExtension(name);
        }
        return value == null ? null : value.toString();
    }
}
