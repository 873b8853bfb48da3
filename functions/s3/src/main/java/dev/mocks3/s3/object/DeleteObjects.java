package dev.mocks3.s3.object;

import java.util.List;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.access.BucketCallerAccess;
import dev.mocks3.s3.access.GovernanceBypass;
import dev.mocks3.s3.lock.LockedBuckets;
import dev.mocks3.s3.lock.ObjectLock;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.state.metadata.VersionGuard;
import reactor.core.publisher.Flux;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;

/**
 * POST /bucket?delete — up to 1000 keys in one request; quiet mode reports only failures (a version
 * Object Lock protects is one, and so is a key the bucket's policy does not let the caller delete: AccessDenied
 * for its key). An entry's ETag makes its delete conditional on the key's current object ({@link DeletePrecondition}):
 * PreconditionFailed or NoSuchKey for that key.
 */
@Component("deleteObjects")
public class DeleteObjects extends OperationFunction {
    private static final int MAX_KEYS = 1000;
    private final LockedBuckets buckets;
    private final ObjectWriter writer;
    private final BucketCallerAccess access;

    public DeleteObjects(LockedBuckets buckets, ObjectWriter writer, BucketCallerAccess access) {
        this.buckets = buckets;
        this.writer = writer;
        this.access = access;
    }

    /**
     * One {@code <Object>}: a key, the version to remove (null: the key, a delete marker when versioned) and
     * the ETag its current object must have (null: no condition).
     */
    record Target(String key, String versionId, String etag) {
    }

    record Request(boolean quiet, List<Target> objects) {
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return buckets.deleteGuard(call)
                .flatMap(guard -> SmallBody.read(call.request().body()).map(DeleteObjects::parse)
                        .flatMap(request -> deleteAll(call, request, guard)));
    }

    private Mono<S3Response> deleteAll(S3Call call, Request request, VersionGuard guard) {
        String bucket = call.request().bucket();
        return Flux.fromIterable(request.objects())
                .concatMap(target -> permitted(call, target)
                        .then(Mono.defer(() -> guardFor(call, target, guard)))
                        .flatMap(keyGuard -> writer.delete(bucket, target.key(), RequestedVersion.checked(target.versionId()),
                                ChangeCause.of(call, S3EventNames.OBJECT_REMOVED_DELETE), keyGuard,
                                DeletePrecondition.of(bucket, target.key(), target.etag())))
                        .map(deletion -> new DeleteResult.Outcome(target.key(), target.versionId(), deletion, null))
                        .onErrorResume(S3Exception.class, e -> Mono.just(
                                new DeleteResult.Outcome(target.key(), target.versionId(), null, e))))
                .collectList()
                .map(outcomes -> Responses.xml(new DeleteResult(request.quiet(), outcomes).xml()));
    }

    /** Empty when the bucket lets the caller delete this key (or version); else AccessDenied for it alone. */
    private Mono<Void> permitted(S3Call call, Target target) {
        return access.deletes(call, target.key(), target.versionId(), target.etag() != null)
                .flatMap(allowed -> allowed ? Mono.<Void>empty()
                : Mono.error(S3Error.ACCESS_DENIED.exception()));
    }

    /** Without Object Lock nothing to guard; with it, the governance bypass as the policy decides it for this key. */
    private Mono<VersionGuard> guardFor(S3Call call, Target target, VersionGuard bucketGuard) {
        if (bucketGuard == VersionGuard.NONE || !GovernanceBypass.granted(call)) {
            return Mono.just(bucketGuard);
        }
        return access.bypassesGovernance(call, target.key(), target.versionId()).map(ObjectLock::guard);
    }

    static Request parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!"Delete".equals(doc.rootName())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<Element> objects = XmlDocument.children(doc.root(), "Object");
        if (objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<Target> targets = objects.stream().map(o -> {
            String key = XmlDocument.childText(o, "Key");
            if (key == null) {
                throw S3Error.MALFORMED_XML.exception();
            }
            String versionId = trim(XmlDocument.childText(o, "VersionId"));
            String etag = trim(XmlDocument.childText(o, "ETag"));
            return new Target(key, versionId == null || versionId.isEmpty() ? null : versionId,
                    etag == null || etag.isEmpty() ? null : etag);
        }).toList();
        return new Request("true".equalsIgnoreCase(trim(XmlDocument.childText(doc.root(), "Quiet"))), targets);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
