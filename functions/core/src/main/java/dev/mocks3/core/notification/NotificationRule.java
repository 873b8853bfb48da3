package dev.mocks3.core.notification;

import java.util.List;

/**
 * One {@code QueueConfiguration}, {@code TopicConfiguration} or {@code CloudFunctionConfiguration}
 * of a bucket's notification configuration: which changes (event names, key prefix and suffix) go
 * to which destination. The destination is the last {@code :}-separated segment of the ARN, so
 * unchanged AWS tooling can name a MockS3 sink with any ARN ending in its name.
 *
 * @param prefix key prefix a change must have, or null
 * @param suffix key suffix a change must have, or null
 */
public record NotificationRule(String id, Kind kind, String arn, List<String> events, String prefix, String suffix) {

    public NotificationRule {
        events = List.copyOf(events);
    }

    /** The element names of the three kinds of target, as the S3 XML spells them. */
    public enum Kind {
        QUEUE("QueueConfiguration", "Queue"),
        TOPIC("TopicConfiguration", "Topic"),
        CLOUD_FUNCTION("CloudFunctionConfiguration", "CloudFunction");

        private final String element;
        private final String arnElement;

        Kind(String element, String arnElement) {
            this.element = element;
            this.arnElement = arnElement;
        }

        public String element() {
            return element;
        }

        public String arnElement() {
            return arnElement;
        }
    }

    /** The configured destination this rule names: the ARN's last segment. */
    public String destination() {
        return destinationOf(arn);
    }

    public static String destinationOf(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** True when a change named {@code eventName} ({@code s3:ObjectCreated:Put}) of {@code key} goes to this rule's target. */
    public boolean matches(String eventName, String key) {
        return (prefix == null || key.startsWith(prefix)) && (suffix == null || key.endsWith(suffix))
                && events.stream().anyMatch(pattern -> S3EventNames.covers(pattern, eventName));
    }
}
