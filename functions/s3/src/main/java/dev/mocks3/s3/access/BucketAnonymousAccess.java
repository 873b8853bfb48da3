package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.AnonymousAccess;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.ObjectStore;
import reactor.core.publisher.Mono;

/**
 * Anonymous requests as the bucket's configuration decides them: the bucket policy first (an
 * explicit Deny refuses in every mode; RestrictPublicBuckets ignores a public policy's Allow), then,
 * in strict mode only, grants to AllUsers in the bucket's or the object's ACL (unless the bucket
 * ignores public ACLs or enforces bucket ownership). Open mode reads only the policy and the
 * public access block, in one query; CORS preflights are never signed and always pass.
 */
@Component
public class BucketAnonymousAccess implements AnonymousAccess {
    private static final Set<BucketSetting> OPEN_MODE = EnumSet.of(BucketSetting.POLICY, BucketSetting.PUBLIC_ACCESS_BLOCK);
    private static final Set<BucketSetting> STRICT_MODE = EnumSet.of(BucketSetting.POLICY, BucketSetting.PUBLIC_ACCESS_BLOCK,
            BucketSetting.ACL, BucketSetting.OWNERSHIP_CONTROLS);
    private final BucketConfigurationStore configurations;
    private final ObjectStore objects;

    public BucketAnonymousAccess(BucketConfigurationStore configurations, ObjectStore objects) {
        this.configurations = configurations;
        this.objects = objects;
    }

    @Override
    public Mono<Decision> decide(S3Call call, boolean strict) {
        S3Request request = call.request();
        if (call.operation() == S3Operation.CORS_PREFLIGHT) {
            return Mono.just(Decision.ALLOW);
        }
        if (request.bucket() == null) {
            return Mono.just(Decision.NONE);
        }
        return configurations.findAll(request.bucket(), strict ? STRICT_MODE : OPEN_MODE).flatMap(documents -> {
            PublicAccessBlock block = PublicAccessBlock.of(documents.get(BucketSetting.PUBLIC_ACCESS_BLOCK));
            Decision byPolicy = byPolicy(call, documents.get(BucketSetting.POLICY), block);
            if (byPolicy != Decision.NONE || !strict || block.ignorePublicAcls() || aclsDisabled(documents)) {
                return Mono.just(byPolicy);
            }
            return byAcl(call, documents);
        });
    }

    private static Decision byPolicy(S3Call call, String document, PublicAccessBlock block) {
        if (document == null) {
            return Decision.NONE;
        }
        S3Request request = call.request();
        BucketPolicy policy = BucketPolicy.parse(document, request.bucket());
        Decision decision = policy.forAnonymous(PolicyActions.of(call.operation()), BucketPolicy.arn(request.bucket(), request.key()),
                PolicyContext.of(request));
        return decision == Decision.ALLOW && block.restrictPublicBuckets() && policy.isPublic() ? Decision.NONE : decision;
    }

    private static boolean aclsDisabled(Map<BucketSetting, String> documents) {
        String ownership = documents.get(BucketSetting.OWNERSHIP_CONTROLS);
        return ownership != null && OwnershipControls.parse(ownership.getBytes(StandardCharsets.UTF_8)).aclsDisabled();
    }

    private Mono<Decision> byAcl(S3Call call, Map<BucketSetting, String> documents) {
        S3Request request = call.request();
        String wanted = switch (call.operation()) {
            case GET_OBJECT, HEAD_OBJECT, LIST_OBJECTS, LIST_OBJECTS_V2, HEAD_BUCKET, LIST_MULTIPART_UPLOADS -> "READ";
            case GET_OBJECT_ACL, GET_BUCKET_ACL -> "READ_ACP";
            case PUT_OBJECT, POST_OBJECT, DELETE_OBJECT, DELETE_OBJECTS, CREATE_MULTIPART_UPLOAD, UPLOAD_PART, COMPLETE_MULTIPART_UPLOAD,
                 ABORT_MULTIPART_UPLOAD, LIST_PARTS -> "WRITE";
            default -> null;
        };
        if (wanted == null) {
            return Mono.just(Decision.NONE);
        }
        boolean objectAcl = call.operation() == S3Operation.GET_OBJECT || call.operation() == S3Operation.HEAD_OBJECT
                || call.operation() == S3Operation.GET_OBJECT_ACL;
        if (objectAcl) {
            return objects.find(request.bucket(), request.key())
                    .map(object -> ObjectAcl.of(object).allowsEveryone(wanted) ? Decision.ALLOW : Decision.NONE)
                    .defaultIfEmpty(Decision.NONE);
        }
        String bucketAcl = documents.get(BucketSetting.ACL);
        boolean allowed = bucketAcl != null && AccessControlPolicy.parse(bucketAcl.getBytes(StandardCharsets.UTF_8),
                Owner.of(null)).allowsEveryone(wanted);
        return Mono.just(allowed ? Decision.ALLOW : Decision.NONE);
    }
}
