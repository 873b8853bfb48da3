package dev.mocks3.s3.config;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.access.AccessSnapshots;
import dev.mocks3.s3.access.AclHeaders;
import dev.mocks3.s3.access.AclRules;
import dev.mocks3.s3.access.ObjectAcl;
import dev.mocks3.s3.access.ObjectOwnership;
import dev.mocks3.s3.encryption.BucketEncryption;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.lock.WriteLock;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.config.BucketSettings;
import dev.mocks3.state.metadata.ObjectDraft;
import reactor.core.publisher.Mono;

/**
 * The bucket an object is written to, with the settings that shape the write (default encryption,
 * ownership controls, public access block, Object Lock), as {@link AccessSnapshots} keeps them with the
 * bucket's access documents: a write costs no round trip of its own for them. A change made on this
 * instance applies at once; one made on another within {@code AccessSnapshots.TTL}, as for policies.
 */
@Component
public class WritableBuckets {
    private final AccessSnapshots snapshots;

    public WritableBuckets(AccessSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The bucket the call writes to and its write settings, or NoSuchBucket. */
    public Mono<BucketSettings> of(S3Call call) {
        return of(call.request().bucket());
    }

    /** The bucket and its write settings, or NoSuchBucket. */
    public Mono<BucketSettings> of(String bucket) {
        return snapshots.settings(bucket).flatMap(found -> found.map(Mono::just)
                .orElseGet(() -> Mono.error(S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket))));
    }

    /**
     * The draft with the object's encryption, ACL and Object Lock settings from the request (or the bucket's
     * default encryption and default retention).
     */
    public static ObjectDraft withSettings(ObjectDraft draft, S3Call call, BucketSettings bucket) {
        HttpHeaders request = call.request().headers();
        BucketEncryption bucketDefault = bucket.document(BucketSetting.ENCRYPTION)
                .map(document -> BucketEncryption.parse(document.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElse(null);
        Map<String, String> settings = ObjectEncryption.forWrite(request, bucketDefault);
        String bucketOwner = CallOwner.resolve(bucket.bucket().owner(), call);
        String owner = ObjectOwnership.ownerOfWrite(draft.owner(), bucketOwner, bucket.document(BucketSetting.OWNERSHIP_CONTROLS),
                AclHeaders.canned(request));
        AclHeaders.parse(request, Owner.of(owner), Owner.of(bucketOwner)).ifPresent(acl -> {
            AclRules.check(acl, AclHeaders.canned(request), bucket.documents());
            settings.put(ObjectAcl.HEADER, acl.xml());
        });
        Map<String, String> withLock = WriteLock.apply(settings, call.operation(), request,
                bucket.document(BucketSetting.OBJECT_LOCK));
        if (withLock.isEmpty() && java.util.Objects.equals(owner, draft.owner())) {
            return draft;
        }
        Map<String, String> headers = new TreeMap<>(draft.headers());
        headers.putAll(withLock);
        return new ObjectDraft(draft.bucket(), draft.key(), draft.contentType(), headers, draft.userMetadata(),
                draft.storageClass(), owner, draft.tags());
    }
}
