package dev.mocks3.s3.object;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.ChecksumType;
import dev.mocks3.core.checksum.DigestingBody;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.core.tagging.TagSet;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.access.ObjectAcl;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.CopyResult;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.lifecycle.ExpirationHeader;
import dev.mocks3.s3.lock.ObjectLock;
import dev.mocks3.s3.restore.ArchiveState;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.metadata.ObjectDraft;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectWriter;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

/**
 * PUT /bucket/key with x-amz-copy-source — the new object shares the source's blob (no bytes
 * move); metadata is copied (COPY, the default) or taken from this request (REPLACE), and so are
 * tags (x-amz-tagging-directive). The source may be a version ({@code ?versionId=} in the header). The
 * copy keeps the source's checksum, or gets one computed in the algorithm x-amz-checksum-algorithm names.
 */
@Component("copyObject")
public class CopyObject extends OperationFunction {
    private final Lookups lookups;
    private final WritableBuckets buckets;
    private final ObjectWriter writer;
    private final BlobStore blobs;
    private final ExpirationHeader expiration;

    public CopyObject(Lookups lookups, WritableBuckets buckets, ObjectWriter writer, BlobStore blobs,
                      ExpirationHeader expiration) {
        this.lookups = lookups;
        this.buckets = buckets;
        this.writer = writer;
        this.blobs = blobs;
        this.expiration = expiration;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        boolean replace = directive(request.header("x-amz-metadata-directive"), "x-amz-metadata-directive", "metadata");
        boolean replaceTags = directive(request.header("x-amz-tagging-directive"), "x-amz-tagging-directive", "tagging");
        ChecksumAlgorithm wanted = ChecksumAlgorithm.requested(request.header("x-amz-checksum-algorithm"),
                "x-amz-checksum-algorithm");
        return buckets.of(call)
                .flatMap(bucket -> lookups.copySource(source).map(object -> Tuples.of(bucket, object)))
                .flatMap(found -> {
                    ObjectRecord original = found.getT2();
                    ObjectEncryption.checkCopySource(original.headers(), request.headers());
                    Preconditions.forCopySource(request.headers()).check(original.etag(), original.lastModified(), false);
                    boolean sameObject = source.bucket().equals(request.bucket()) && source.key().equals(request.key())
                            && source.versionId() == null;
                    if (sameObject && !replace && request.header("x-amz-storage-class") == null
                            && request.header(ObjectEncryption.SSE) == null && request.header(ObjectEncryption.CUSTOMER_ALGORITHM) == null) {
                        throw S3Error.INVALID_REQUEST.exception("This copy request is illegal because it is trying to copy an "
                                + "object to itself without changing the object's metadata, storage class, website "
                                + "redirect location or encryption attributes.");
                    }
                    ObjectDraft draft = replace
                            ? ObjectHeaders.draft(request, request.bucket(), request.key(), call.accessKey())
                            : new ObjectDraft(request.bucket(), request.key(), original.contentType(), copiedHeaders(original),
                                    // as on S3, a copy is STANDARD unless the request names a class
                                    original.userMetadata(), ObjectHeaders.storageClass(request.headers()),
                                    call.accessKey());
                    ObjectDraft settled = WritableBuckets.withSettings(draft, call, found.getT1());
                    Map<String, String> tags = replaceTags ? TagSet.fromHeader(request.header(ObjectHeaders.TAGGING))
                            : original.tags();
                    return checksumOfCopy(original, wanted)
                            .flatMap(checksums -> writer.link(copyOf(original, settled, tags, checksums),
                                    ChangeCause.of(call, S3EventNames.OBJECT_CREATED_COPY)))
                            .flatMap(copy -> {
                                S3Response response = Responses.xml(CopyResult.ofObject(copy.lastModified(), copy.quotedEtag(),
                                        ObjectChecksum.from(copy.checksums()).orElse(null)).xml());
                                ObjectEncryption.echo(copy.headers(), response.headers());
                                ObjectHeaders.versionId(response.headers(), copy);
                                if (original.versionId() != null || source.versionId() != null) {
                                    response.headers().set("x-amz-copy-source-version-id", original.versionIdOrNull());
                                }
                                return expiration.describe(copy, response.headers()).thenReturn(response);
                            });
                });
    }

    /**
     * A copy keeps the source's representation headers, but takes its encryption, ACL and lock from its
     * own request, and is not restored (a new object).
     */
    private static Map<String, String> copiedHeaders(ObjectRecord original) {
        Map<String, String> headers = ObjectEncryption.without(ArchiveState.without(ObjectLock.without(original.headers())));
        headers.remove(ObjectAcl.HEADER);
        return headers;
    }

    private static ObjectRecord copyOf(ObjectRecord original, ObjectDraft draft, Map<String, String> tags,
                                       Map<String, String> checksums) {
        return new ObjectRecord(draft.bucket(), draft.key(), original.blobSha256(), original.size(), original.etag(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), draft.contentType(), draft.headers(), draft.userMetadata(),
                draft.storageClass(), draft.owner(), checksums, null, tags);
    }

    /**
     * The copy keeps the source's checksum, unless x-amz-checksum-algorithm names another: then the
     * content is read once to compute it (only then: a plain copy moves no bytes).
     */
    private Mono<Map<String, String>> checksumOfCopy(ObjectRecord original, ChecksumAlgorithm wanted) {
        var kept = ObjectChecksum.from(original.checksums());
        if (wanted == null || kept.filter(c -> c.algorithm() == wanted && c.type() == ChecksumType.FULL_OBJECT).isPresent()) {
            return Mono.just(original.checksums());
        }
        DigestingBody digest = new DigestingBody(wanted);
        return digest.apply(blobs.read(original.blobSha256(), 0, original.size()))
                .doOnNext(DataBufferUtils::release)
                .then(Mono.fromCallable(() -> ObjectChecksum.fullObject(wanted, digest.base64()).toMap()));
    }

    /** COPY (the default, false) or REPLACE (true); anything else is refused as S3 refuses it. */
    private static boolean directive(String value, String header, String what) {
        if (value == null || value.equals("COPY")) {
            return false;
        }
        if (value.equals("REPLACE")) {
            return true;
        }
        throw S3Error.INVALID_ARGUMENT.exception("Unknown " + what + " directive.").with("ArgumentName", header)
                .with("ArgumentValue", value);
    }
}
