package dev.mocks3.s3.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.auth.CallerAccess;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.state.metadata.ObjectStore;
import reactor.core.publisher.Mono;

/**
 * A request as the bucket's configuration decides it, for anonymous callers and for every access key:
 * an explicit Deny in the bucket policy refuses it in every mode, the owner included (but for the owner's
 * own policy requests); then the owner
 * is allowed; then another caller is allowed by a policy Allow or, unless the bucket enforces bucket
 * ownership, by a grant of the bucket's or the object's ACL (public grants not when the bucket ignores
 * public ACLs; RestrictPublicBuckets keeps other accounts out of a bucket with a public policy). Open
 * mode asks only for Deny, so it reads no ACL and no object; the bucket's documents come from
 * {@link AccessSnapshots}. A copy needs GetObject on its source as well. CORS preflights always pass.
 */
@Component
public class BucketCallerAccess implements CallerAccess {
    /** As the root user on S3, the owner can always read, replace or delete a policy that locks it out. */
    private static final Set<S3Operation> POLICY_OPERATIONS = EnumSet.of(S3Operation.GET_BUCKET_POLICY,
            S3Operation.PUT_BUCKET_POLICY, S3Operation.DELETE_BUCKET_POLICY);
    private final AccessSnapshots snapshots;
    private final ObjectStore objects;

    public BucketCallerAccess(AccessSnapshots snapshots, ObjectStore objects) {
        this.snapshots = snapshots;
        this.objects = objects;
    }

    @Override
    public Mono<Decision> decide(S3Call call, boolean strict) {
        S3Request request = call.request();
        Caller caller = call.accessKey() == null ? Caller.ANONYMOUS : new Caller(call.accessKey());
        if (call.operation() == S3Operation.CORS_PREFLIGHT) {
            return Mono.just(Decision.ALLOW);
        }
        if (request.bucket() == null || call.operation() == S3Operation.CREATE_BUCKET) {
            // ListBuckets, and CreateBucket, which answers BucketAlreadyExists itself
            return Mono.just(caller.anonymous() ? Decision.NONE : Decision.ALLOW);
        }
        Mono<Decision> own = decide(call, caller, strict, call.operation(), request.bucket(), request.key());
        String copySource = request.header("x-amz-copy-source");
        if ((call.operation() == S3Operation.COPY_OBJECT || call.operation() == S3Operation.UPLOAD_PART_COPY)
                && copySource != null && !copySource.isBlank()) {
            CopySource source = CopySource.parse(copySource);
            return own.zipWith(decide(call, caller, strict, S3Operation.GET_OBJECT, source.bucket(), source.key()),
                    BucketCallerAccess::both);
        }
        return own;
    }

    private static Decision both(Decision first, Decision second) {
        if (first == Decision.DENY || second == Decision.DENY) {
            return Decision.DENY;
        }
        return first == Decision.ALLOW && second == Decision.ALLOW ? Decision.ALLOW : Decision.NONE;
    }

    private Mono<Decision> decide(S3Call call, Caller caller, boolean strict, S3Operation operation, String bucket, String key) {
        return snapshots.of(bucket).flatMap(found -> {
            if (found.isEmpty()) { // the operation answers NoSuchBucket
                return Mono.just(caller.anonymous() ? Decision.NONE : Decision.ALLOW);
            }
            AccessSnapshot snapshot = found.get();
            String owner = strict ? snapshot.storedOwner() : CallOwner.resolve(snapshot.storedOwner(), call);
            boolean isOwner = !caller.anonymous() && caller.accessKey().equals(owner);
            boolean ownersAccount = !caller.anonymous() && owner != null && !owner.isEmpty()
                    && caller.accountId().equals(new Caller(owner).accountId());
            // RestrictPublicBuckets: a bucket with a public policy serves only its owner's account
            boolean restricted = snapshot.block().restrictPublicBuckets() && snapshot.policy() != null
                    && snapshot.policy().isPublic() && !ownersAccount;
            Decision byPolicy = byPolicy(call, caller, snapshot, operation, bucket, key);
            if (byPolicy == Decision.DENY && !(isOwner && POLICY_OPERATIONS.contains(operation))) {
                return Mono.just(Decision.DENY);
            }
            if (isOwner) {
                return Mono.just(Decision.ALLOW);
            }
            if (byPolicy == Decision.ALLOW && !restricted) {
                return Mono.just(Decision.ALLOW);
            }
            if (!strict || restricted || snapshot.aclsDisabled()) {
                return Mono.just(Decision.NONE);
            }
            return byAcl(caller, snapshot, operation, bucket, key);
        });
    }

    private static Decision byPolicy(S3Call call, Caller caller, AccessSnapshot snapshot, S3Operation operation,
                                     String bucket, String key) {
        if (snapshot.policy() == null) {
            return Decision.NONE;
        }
        Map<String, String> context = PolicyContext.of(call.request(), caller);
        return snapshot.policy().decide(caller, PolicyActions.of(operation), BucketPolicy.arn(bucket, key), context);
    }

    private Mono<Decision> byAcl(Caller caller, AccessSnapshot snapshot, S3Operation operation, String bucket, String key) {
        Optional<AclPermission> wanted = AclPermission.of(operation);
        if (wanted.isEmpty()) {
            return Mono.just(Decision.NONE);
        }
        boolean ignorePublic = snapshot.block().ignorePublicAcls();
        if (wanted.get().onObject()) {
            return objects.find(bucket, key)
                    .map(object -> ObjectAcl.of(object).grants(caller, wanted.get().permission(), ignorePublic)
                            ? Decision.ALLOW : Decision.NONE)
                    .defaultIfEmpty(Decision.NONE);
        }
        boolean granted = snapshot.acl() != null && snapshot.acl().grants(caller, wanted.get().permission(), ignorePublic);
        return Mono.just(granted ? Decision.ALLOW : Decision.NONE);
    }
}
