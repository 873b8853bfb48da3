package dev.mocks3.core.notification;

import java.util.List;

/** A bucket's notification configuration: its rules, in the order they were given. Empty means none. */
public record NotificationConfiguration(List<NotificationRule> rules) {

    public static final NotificationConfiguration EMPTY = new NotificationConfiguration(List.of());

    public NotificationConfiguration {
        rules = List.copyOf(rules);
    }

    /** The rules a change of {@code key} named {@code eventName} matches. */
    public List<NotificationRule> matching(String eventName, String key) {
        return rules.stream().filter(rule -> rule.matches(eventName, key)).toList();
    }
}
