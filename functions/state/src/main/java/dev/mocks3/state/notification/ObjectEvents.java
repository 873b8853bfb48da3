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
        return changed(object.bucket(), object.key(), object.owner(), object.lastModified(),
                new S3EventNotification.S3Object(encodeKey(object.key()), object.size(), object.etag(), object.versionId(), null),
                cause);
    }

    /** The object at {@code bucket}/{@code key} was deleted. */
    public Mono<Void> removed(String bucket, String key, ChangeCause cause) {
        return removed(bucket, key, null, cause);
    }

    /** A version of the key was removed, or a delete marker {@code versionId} added (null: unversioned). */
    public Mono<Void> removed(String bucket, String key, String versionId, ChangeCause cause) {
        return changed(bucket, key, null, Instant.now(),
                new S3EventNotification.S3Object(encodeKey(key), null, null, versionId, null), cause);
    }

    private Mono<Void> changed(String bucket, String key, String owner, Instant time, S3EventNotification.S3Object object,
                               ChangeCause cause) {
        return configurations.find(bucket)
                .map(configuration -> configuration.matching(cause.eventName(), key))
                .filter(rules -> !rules.isEmpty())
                .flatMap(rules -> nextSequencer().flatMap(sequencer -> Flux.fromIterable(rules)
                        .concatMap(rule -> outbox.add(event(rule, bucket, key, owner, time, withSequencer(object, sequencer), cause),
                                rule.destination() + " " + bucket + "/" + key))
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
                                    S3EventNotification.S3Object object, ChangeCause cause) {
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
                        object));
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(S3EventNames.isCreation(cause.eventName()) ? EventTypes.OBJECT_CREATED : EventTypes.OBJECT_REMOVED)
                .withSource(URI.create(EventSources.S3_BUCKETS + URLEncoder.encode(bucket, StandardCharsets.UTF_8)))
                .withSubject(key)
                .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .withExtension(NotificationsProperties.DESTINATION_ATTRIBUTE, rule.destination())
                .withData(EventJson.JSON, EventJson.bytes(new S3EventNotification(List.of(record))))
                .build();
    }

    /** S3 sends keys form-encoded (a space as {@code +}), slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
