package dev.mocks3.state.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.core.notification.NotificationRule;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.events.EventJson;
import dev.mocks3.events.EventSources;
import dev.mocks3.events.EventTypes;
import dev.mocks3.events.delivery.NotificationsProperties;
import dev.mocks3.events.object.S3EventNotification;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.outbox.Outbox;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an object change into the CloudEvents its bucket's notification configuration asks for, one
 * per matching rule, written to the outbox in the transaction of the change (the caller's). Each
 * event names its destination in the {@code mocks3destination} attribute, which the destination's
 * Trigger filters on; the events of one destination and key keep their order.
 */
public final class ObjectEvents {
    private static final String REGION = "us-east-1";
    private final DatabaseClient db;
    private final NotificationStore configurations;
    private final Outbox outbox;

    public ObjectEvents(DatabaseClient db, NotificationStore configurations, Outbox outbox) {
        this.db = db;
        this.configurations = configurations;
        this.outbox = outbox;
    }

    /** The object {@code object} was written (put, copy, completed upload). */
    public Mono<Void> created(ObjectRecord object, ChangeCause cause) {
        return changed(object.bucket(), object.key(), object.owner(), object.lastModified(), describe(object), cause,
                null, null);
    }

    /** Something else of the version {@code object} changed now: its tags, ACL, storage class, or a restore started. */
    public Mono<Void> changed(ObjectRecord object, ChangeCause cause) {
        return changed(object.bucket(), object.key(), object.owner(), object.size(), object.etag(), object.versionId(), cause);
    }

    /** As {@link #changed(ObjectRecord, ChangeCause)}, for a version known by these fields alone. */
    public Mono<Void> changed(String bucket, String key, String owner, long size, String etag, String versionId,
                              ChangeCause cause) {
        return changed(bucket, key, owner, Instant.now(), new S3EventNotification.S3Object(encodeKey(key), size, etag,
                versionId, null), cause, null, null);
    }

    /**
     * The restore of the archived version {@code object} completes at {@code readyAt}, its copy readable until
     * {@code expiresAt}: an {@code ObjectRestore:Completed} event due then (its sequencer is taken now). It is
     * ordered on its own, not behind the key's other changes, which it would otherwise hold back until due.
     */
    public Mono<Void> restoreCompleted(ObjectRecord object, ChangeCause cause, Instant readyAt, Instant expiresAt) {
        return changed(object.bucket(), object.key(), object.owner(), readyAt, describe(object),
                cause.named(S3EventNames.OBJECT_RESTORE_COMPLETED), readyAt,
                new S3EventNotification.GlacierEventData(new S3EventNotification.RestoreEventData(
                        XmlWriter.timestamp(expiresAt), object.storageClass())));
    }

    private static S3EventNotification.S3Object describe(ObjectRecord object) {
        return new S3EventNotification.S3Object(encodeKey(object.key()), object.size(), object.etag(), object.versionId(), null);
    }

    /** The object at {@code bucket}/{@code key} was deleted. */
    public Mono<Void> removed(String bucket, String key, ChangeCause cause) {
        return removed(bucket, key, null, cause);
    }

    /** A version of the key was removed, or a delete marker {@code versionId} added (null: unversioned). */
    public Mono<Void> removed(String bucket, String key, String versionId, ChangeCause cause) {
        return changed(bucket, key, null, Instant.now(),
                new S3EventNotification.S3Object(encodeKey(key), null, null, versionId, null), cause, null, null);
    }

    /** {@code dueAt} null: deliver now, in the key's order; else at that time, ordered on its own. */
    private Mono<Void> changed(String bucket, String key, String owner, Instant time, S3EventNotification.S3Object object,
                               ChangeCause cause, Instant dueAt, S3EventNotification.GlacierEventData glacier) {
        return configurations.find(bucket)
                .map(configuration -> configuration.matching(cause.eventName(), key))
                .filter(rules -> !rules.isEmpty())
                .flatMap(rules -> nextSequencer().flatMap(sequencer -> Flux.fromIterable(rules)
                        .concatMap(rule -> {
                            CloudEvent event = event(rule, bucket, key, owner, time, withSequencer(object, sequencer), cause, glacier);
                            return dueAt == null ? outbox.add(event, rule.destination() + " " + bucket + "/" + key)
                                    : outbox.schedule(event, dueAt);
                        })
                        .then()));
    }

    /** Increases with every change, and the key's writers are serialized: later changes of a key sort later. */
    private Mono<String> nextSequencer() {
        return db.sql("select nextval('object_event_sequencer')").map(row -> row.get(0, Long.class)).one()
                .map(n -> String.format("%016X", n));
    }

    private static S3EventNotification.S3Object withSequencer(S3EventNotification.S3Object object, String sequencer) {
        return new S3EventNotification.S3Object(object.key(), object.size(), object.eTag(), object.versionId(), sequencer);
    }

    private static CloudEvent event(NotificationRule rule, String bucket, String key, String owner, Instant time,
                                    S3EventNotification.S3Object object, ChangeCause cause,
                                    S3EventNotification.GlacierEventData glacier) {
        Map<String, String> response = new HashMap<>();
        if (cause.requestId() != null) {
            response.put("x-amz-request-id", cause.requestId());
            response.put("x-amz-id-2", cause.requestId());
        }
        String principal = cause.principal() == null || cause.principal().isEmpty() ? "anonymous" : cause.principal();
        S3EventNotification.Record record = new S3EventNotification.Record("2.1", "aws:s3", REGION,
                XmlWriter.timestamp(time), S3EventNames.inRecord(cause.eventName()),
                new S3EventNotification.Identity(principal),
                Map.of("sourceIPAddress", cause.sourceIp() == null ? "127.0.0.1" : cause.sourceIp()), response,
                new S3EventNotification.S3Entity("1.0", rule.id(),
                        new S3EventNotification.Bucket(bucket, new S3EventNotification.Identity(
                                owner == null || owner.isEmpty() ? "anonymous" : owner), "arn:aws:s3:::" + bucket),
                        object), glacier);
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(typeOf(cause.eventName()))
                .withSource(URI.create(EventSources.S3_BUCKETS + URLEncoder.encode(bucket, StandardCharsets.UTF_8)))
                .withSubject(key)
                .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .withExtension(NotificationsProperties.DESTINATION_ATTRIBUTE, rule.destination())
                .withData(EventJson.JSON, EventJson.bytes(new S3EventNotification(List.of(record))))
                .build();
    }

    private static String typeOf(String eventName) {
        if (S3EventNames.isCreation(eventName)) {
            return EventTypes.OBJECT_CREATED;
        }
        return S3EventNames.isRemoval(eventName) ? EventTypes.OBJECT_REMOVED : EventTypes.OBJECT_CHANGED;
    }

    /** S3 sends keys form-encoded (a space as {@code +}), slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
