package dev.mocks3.faults.rule;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.mocks3.core.routing.S3Operation;

/**
 * The seed document's service names, mapped onto the stages of our request path.
 * storage-service is every operation that moves object bytes; metadata-service is every other
 * bucket/object operation; gateway is every request. third-party-service is the read-through to a
 * bucket's upstream: GET and HEAD answers that came from the upstream (decided once the answer is
 * known). queue-service names the background jobs: it matches no S3 request.
 * notification-delivery is the outbox dispatcher sending bucket notifications: its rules match the
 * deliveries of events caused by the operations that change objects, never the S3 requests.
 */
public enum ServiceStage {
    GATEWAY("gateway"),
    METADATA("metadata-service"),
    STORAGE("storage-service"),
    QUEUE("queue-service"),
    THIRD_PARTY("third-party-service"),
    NOTIFICATION_DELIVERY("notification-delivery");

    private static final Set<S3Operation> MOVES_BYTES = S3Operation.with(S3Operation.Trait.MOVES_BYTES);

    private final String id;

    ServiceStage(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The S3 operations whose requests (or, for notification-delivery, whose notifications) this stage sees. */
    public Set<S3Operation> operations() {
        return switch (this) {
            case GATEWAY -> EnumSet.allOf(S3Operation.class);
            case STORAGE -> EnumSet.copyOf(MOVES_BYTES);
            case METADATA -> EnumSet.complementOf(EnumSet.copyOf(MOVES_BYTES));
            case THIRD_PARTY -> S3Operation.with(S3Operation.Trait.READS_OBJECT);
            case QUEUE -> EnumSet.noneOf(S3Operation.class);
            case NOTIFICATION_DELIVERY -> S3Operation.with(S3Operation.Trait.NOTIFIES);
        };
    }

    /** Rules of this stage act on S3 requests (every stage but notification-delivery). */
    public boolean seesRequests() {
        return this != NOTIFICATION_DELIVERY;
    }

    /** The stage an operation's request reaches after the gateway. */
    public static ServiceStage of(S3Operation operation) {
        return MOVES_BYTES.contains(operation) ? STORAGE : METADATA;
    }

    public static Optional<ServiceStage> byId(String id) {
        for (ServiceStage stage : values()) {
            if (stage.id.equalsIgnoreCase(id) || stage.name().equalsIgnoreCase(id)) {
                return Optional.of(stage);
            }
        }
        // short forms: "storage", "metadata", "queue", "third-party"
        for (ServiceStage stage : values()) {
            if (stage.id.startsWith(id.toLowerCase() + "-") || stage.id.equals(id.toLowerCase() + "-service")) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
