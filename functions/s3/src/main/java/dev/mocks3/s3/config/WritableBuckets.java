package dev.mocks3.s3.config;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.access.AclHeaders;
import dev.mocks3.s3.access.AclRules;
import dev.mocks3.s3.access.ObjectAcl;
import dev.mocks3.s3.encryption.BucketEncryption;
import dev.mocks3.s3.encryption.ObjectEncryption;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.config.BucketSettings;
import dev.mocks3.state.metadata.ObjectDraft;
import reactor.core.publisher.Mono;

/**
 * The bucket an object is written to, with the settings that shape the write (default encryption,
 * ownership controls, public access block), read in the one query that checks the bucket exists:
 * a write without encryption or ACL headers costs no more round trips than before.
 */
@Component
public class WritableBuckets {
    private static final Set<BucketSetting> FOR_WRITES = EnumSet.of(BucketSetting.ENCRYPTION,
            BucketSetting.OWNERSHIP_CONTROLS, BucketSetting.PUBLIC_ACCESS_BLOCK);
    private final BucketConfigurationStore configurations;

    public WritableBuckets(BucketConfigurationStore configurations) {
        this.configurations = configurations;
    }

    /** The bucket and its write settings, or NoSuchBucket. */
    public Mono<BucketSettings> of(String bucket) {
        return configurations.bucketWith(bucket, FOR_WRITES)
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket)));
    }

    /** The draft with the object's encryption and ACL settings from the request (or the bucket's default encryption). */
    public static ObjectDraft withSettings(ObjectDraft draft, S3Call call, BucketSettings bucket) {
        HttpHeaders request = call.request().headers();
        BucketEncryption bucketDefault = bucket.document(BucketSetting.ENCRYPTION)
                .map(document -> BucketEncryption.parse(document.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElse(null);
        Map<String, String> settings = ObjectEncryption.forWrite(request, bucketDefault);
        AclHeaders.parse(request, Owner.of(call.accessKey()), Owner.of(bucket.bucket().owner())).ifPresent(acl -> {
            AclRules.check(acl, AclHeaders.canned(request), bucket.documents());
            settings.put(ObjectAcl.HEADER, acl.xml());
        });
        if (settings.isEmpty()) {
            return draft;
        }
        Map<String, String> headers = new TreeMap<>(draft.headers());
        headers.putAll(settings);
        return new ObjectDraft(draft.bucket(), draft.key(), draft.contentType(), headers, draft.userMetadata(),
                draft.storageClass(), draft.owner(), draft.tags());
    }
}
