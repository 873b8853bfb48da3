package dev.mocks3.s3.restore;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.VersionHeaders;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Mono;

/**
 * POST /bucket/key?restore — makes a temporary readable copy of an archived (GLACIER, DEEP_ARCHIVE)
 * version: 202 when the restore starts (readable after {@code mocks3.restore.delay}), 409
 * RestoreAlreadyInProgress until then, 200 once restored (the copy's expiry moves to {@code Days}
 * from now). Another storage class is 403 InvalidObjectState, as on S3. A restore that starts is announced to
 * the bucket's notification configuration as {@code s3:ObjectRestore:Post} at once and
 * {@code s3:ObjectRestore:Completed} when its copy becomes readable (a delayed outbox event).
 */
@Component("restoreObject")
public class RestoreObject extends OperationFunction {
    private final Lookups lookups;
    private final VersionHeaders headers;
    private final RestoreProperties properties;
    private final ObjectEvents events;

    public RestoreObject(Lookups lookups, VersionHeaders headers, RestoreProperties properties, ObjectEvents events) {
        this.lookups = lookups;
        this.headers = headers;
        this.properties = properties;
        this.events = events;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        String versionId = RequestedVersion.of(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AtomicBoolean started = new AtomicBoolean();
        return lookups.bucket(request.bucket())
                .then(SmallBody.read(request.body()))
                .map(RestoreRequest::parse)
                .flatMap(restore -> headers.changeOf(request.bucket(), request.key(), versionId, object -> {
                    if (!ArchiveState.ARCHIVED.contains(object.storageClass())) {
                        throw S3Error.INVALID_OBJECT_STATE.exception("Restore is not allowed for the object's current storage class")
                                .with("StorageClass", object.storageClass());
                    }
                    ArchiveState state = ArchiveState.of(object.headers());
                    if (state.ongoing(now)) {
                        throw S3Error.RESTORE_ALREADY_IN_PROGRESS.exception();
                    }
                    Duration days = properties.day().multipliedBy(restore.days());
                    started.set(!state.restored(now));
                    ArchiveState next = started.get() ? ArchiveState.started(now, properties.delay(), days)
                            : state.extended(now, days);
                    return next.applyTo(object.headers());
                }, changed -> started.get() ? announceStart(call, changed) : Mono.empty()))
                .filter(version -> !version.deleteMarker())
                // a restore started by this request (not one extended) is 202 Accepted
                .map(version -> Responses.empty(started.get() ? 202 : 200))
                .switchIfEmpty(Mono.defer(() -> lookups.object(request.bucket(), request.key(), versionId)
                        .then(Mono.error(() -> S3Error.NO_SUCH_KEY.at("/" + request.bucket() + "/" + request.key())))));
    }

    private Mono<Void> announceStart(S3Call call, ObjectRecord restoring) {
        ChangeCause cause = ChangeCause.of(call, S3EventNames.OBJECT_RESTORE_POST);
        ArchiveState state = ArchiveState.of(restoring.headers());
        return events.changed(restoring, cause)
                .then(events.restoreCompleted(restoring, cause, state.readyAt(), state.expiresAt()));
    }
}
