package dev.mocks3.s3.bucket;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.access.KnownAccounts;
import dev.mocks3.s3.access.NewBucketSettings;
import dev.mocks3.s3.access.RequestedAcl;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.lock.ObjectLockConfiguration;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.Versioning;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket — creates a bucket, with an optional CreateBucketConfiguration body, owned by the
 * caller; {@code x-amz-bucket-object-lock-enabled: true} enables Object Lock and versioning. Creating
 * it again is 200 for its owner in us-east-1 (as S3 answers there), BucketAlreadyOwnedByYou in other
 * regions, and BucketAlreadyExists for anyone else.
 */
@Component("createBucket")
public class CreateBucket extends OperationFunction {
    static final String DEFAULT_REGION = "us-east-1";
    private final BucketStore buckets;
    private final BucketDocuments documents;
    private final TransactionalOperator tx;
    private final WritableBuckets writable;
    private final KnownAccounts accounts;

    public CreateBucket(BucketStore buckets, BucketDocuments documents, TransactionalOperator tx, WritableBuckets writable,
                        ObjectProvider<KnownAccounts> accounts) {
        this.writable = writable;
        this.accounts = accounts.getIfAvailable(() -> KnownAccounts.ANY);
        this.buckets = buckets;
        this.documents = documents;
        this.tx = tx;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String name = call.request().bucket();
        BucketNames.requireValid(name);
        Map<BucketSetting, String> settings = new EnumMap<>(BucketSetting.class);
        settings.putAll(NewBucketSettings.of(call));
        boolean objectLock = objectLockAsked(call);
        if (objectLock) {
            settings.put(BucketSetting.OBJECT_LOCK, ObjectLockConfiguration.ENABLED.xml());
        }
        String owner = CallOwner.of(call);
        return SmallBody.read(call.request().body())
                .map(CreateBucket::region)
                .flatMap(region -> tx.transactional(createWith(name, owner, region, settings, objectLock))
                        .flatMap(created -> created ? Mono.just(created(name))
                                : existing(call, name, region, settings.get(BucketSetting.ACL))));
    }

    /**
     * The bucket, its settings and (with Object Lock) its versioning in one transaction: a failure
     * leaves no bucket, never one with Object Lock but versioning off. False when the name is taken.
     */
    private Mono<Boolean> createWith(String name, String owner, String region, Map<BucketSetting, String> settings,
                                     boolean objectLock) {
        return buckets.create(name, owner, region)
                .flatMap(created -> created ? storeSettings(name, settings)
                        .then(objectLock ? buckets.setVersioning(name, Versioning.ENABLED) : Mono.just(true))
                        .thenReturn(true)
                        : Mono.just(false));
    }

    /** {@code x-amz-bucket-object-lock-enabled: true}: Object Lock, and with it versioning, from the start. */
    private static boolean objectLockAsked(S3Call call) {
        return "true".equalsIgnoreCase(call.request().header("x-amz-bucket-object-lock-enabled"));
    }

    private Mono<Void> storeSettings(String name, Map<BucketSetting, String> settings) {
        return Flux.fromIterable(settings.entrySet())
                .concatMap(setting -> documents.store(name, setting.getKey(), setting.getValue())).then();
    }

    /** Created again by its owner in us-east-1: 200, and the bucket's ACL becomes the request's (private without one). */
    private Mono<S3Response> existing(S3Call call, String name, String requestedRegion, String acl) {
        return buckets.find(name).flatMap(bucket -> {
            if (!CallOwner.resolve(bucket.owner(), call).equals(CallOwner.of(call))) {
                throw S3Error.BUCKET_ALREADY_EXISTS.at("/" + name).with("BucketName", name);
            }
            if (DEFAULT_REGION.equals(bucket.region()) && DEFAULT_REGION.equals(requestedRegion)) {
                Mono<Void> reset = acl == null ? documents.remove(name, BucketSetting.ACL) : checkedAcl(call, name)
                        .flatMap(checked -> documents.store(name, BucketSetting.ACL, checked));
                return reset.thenReturn(created(name));
            }
            throw S3Error.BUCKET_ALREADY_OWNED_BY_YOU.at("/" + name).with("BucketName", name);
        }).switchIfEmpty(Mono.error(() -> S3Error.OPERATION_ABORTED.at("/" + name).with("BucketName", name)));
    }

    /** The ACL the request names, held to what PutBucketAcl would allow (BlockPublicAcls, BucketOwnerEnforced, known ids). */
    private Mono<String> checkedAcl(S3Call call, String name) {
        return writable.of(name).map(settings -> {
            Owner owner = Owner.of(settings.bucket().owner());
            return RequestedAcl.read(call.request().headers(), new byte[0], owner, owner)
                    .checkedAgainst(settings.documents()).checkedAgainst(accounts).acl().xml();
        });
    }

    private static S3Response created(String name) {
        S3Response response = Responses.empty(200);
        response.headers().set("Location", "/" + name);
        return response;
    }

    private static String region(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return DEFAULT_REGION;
        }
        XmlDocument doc = XmlDocument.parse(body);
        if (!"CreateBucketConfiguration".equals(doc.rootName())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        String location = XmlDocument.childText(doc.root(), "LocationConstraint");
        return location == null || location.isBlank() ? DEFAULT_REGION : location.trim();
    }
}
