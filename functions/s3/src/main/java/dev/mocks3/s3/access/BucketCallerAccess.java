package dev.mocks3.s3.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.auth.CallerAccess;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.state.metadata.ObjectRecord;
import reactor.core.publisher.Mono;

/**
 * A request as the bucket's configuration decides it, for anonymous callers and for every access key:
 * an explicit Deny in the bucket policy refuses it in every mode, the owner included (but for the owner's
 * own policy requests); then the owner
 * is allowed; then another caller is allowed by a policy Allow or, unless the bucket enforces bucket
 * ownership, by a grant of the bucket's or the object's ACL (public grants not when the bucket ignores
 * public ACLs; RestrictPublicBuckets keeps other accounts out of a bucket with a public policy). Open
 * mode asks only for Deny, so it reads no ACL and no object; the bucket's documents come from
 * {@link AccessSnapshots}. A copy needs GetObject on its source as well, and when it takes the source's tags
 * (the COPY tagging directive) GetObjectTagging on a tagged source and PutObjectTagging on the copy. CORS preflights always pass.
 * <p>
 * A write's ACL, tagging and Object Lock headers need their own actions too ({@link ImpliedActions});
 * the ACL of the version {@code ?versionId} names decides for it; a policy's {@code s3:ExistingObjectTag/*}
 * conditions read the tags of that version (only then is the object read in open mode).
 */
@Component
public class BucketCallerAccess implements CallerAccess {
    /** As the root user on S3, the owner can always read, replace or delete a policy that locks it out. */
    private static final Set<S3Operation> POLICY_OPERATIONS = EnumSet.of(S3Operation.GET_BUCKET_POLICY,
            S3Operation.PUT_BUCKET_POLICY, S3Operation.DELETE_BUCKET_POLICY);
    /** The operations on an existing object whose policy conditions may name its tags, as on S3. */
    private static final Set<S3Operation> ON_EXISTING_OBJECT = EnumSet.of(S3Operation.GET_OBJECT, S3Operation.HEAD_OBJECT,
            S3Operation.GET_OBJECT_ACL, S3Operation.PUT_OBJECT_ACL, S3Operation.GET_OBJECT_TAGGING,
            S3Operation.PUT_OBJECT_TAGGING, S3Operation.DELETE_OBJECT_TAGGING, S3Operation.GET_OBJECT_ATTRIBUTES,
            S3Operation.GET_OBJECT_RETENTION, S3Operation.PUT_OBJECT_RETENTION, S3Operation.GET_OBJECT_LEGAL_HOLD,
            S3Operation.PUT_OBJECT_LEGAL_HOLD);
    /** Reads that answer 404 instead of 403 for a missing object when the caller may list the bucket. */
    private static final Set<S3Operation> READS_OF_ONE_OBJECT = EnumSet.of(S3Operation.GET_OBJECT, S3Operation.HEAD_OBJECT);
    private static final String LIST_BUCKET = "s3:ListBucket";
    private final AccessSnapshots snapshots;
    private final AccessedObjects objects;

    public BucketCallerAccess(AccessSnapshots snapshots, AccessedObjects objects) {
        this.snapshots = snapshots;
        this.objects = objects;
    }

    /** What is asked of one bucket (and object version): the actions, the first being the operation's own. */
    private record Wanted(S3Operation operation, List<String> actions, Optional<AclPermission> acl, String bucket,
                          String key, String versionId) {

        /** Under BucketOwnerEnforced a write sets no ACL (it refuses or ignores the headers): no s3:PutObjectAcl then. */
        List<String> actionsIn(AccessSnapshot snapshot) {
            if (!snapshot.aclsDisabled() || actions.size() == 1) {
                return actions;
            }
            List<String> kept = new ArrayList<>(actions.subList(0, 1));
            actions.subList(1, actions.size()).stream().filter(a -> !a.equals(ImpliedActions.PUT_OBJECT_ACL)).forEach(kept::add);
            return kept;
        }
    }

    @Override
    public Mono<Decision> decide(S3Call call, boolean strict) {
        S3Request request = call.request();
        Caller caller = caller(call);
        if (call.operation() == S3Operation.CORS_PREFLIGHT) {
            return Mono.just(Decision.ALLOW);
        }
        if (request.bucket() == null || call.operation() == S3Operation.CREATE_BUCKET) {
            // ListBuckets, and CreateBucket, which answers BucketAlreadyExists itself
            return Mono.just(caller.anonymous() ? Decision.NONE : Decision.ALLOW);
        }
        if (call.operation() == S3Operation.DELETE_OBJECTS) {
            return deleteObjects(call, caller, strict);
        }
        List<String> actions = new ArrayList<>(1);
        actions.add(PolicyActions.of(call.operation(), request.queryParam("versionId") != null));
        actions.addAll(ImpliedActions.of(call.operation(), request));
        Mono<Decision> own = decide(call, caller, strict, new Wanted(call.operation(), actions,
                AclPermission.of(call.operation()), request.bucket(), request.key(), request.queryParam("versionId")));
        String copySource = request.header("x-amz-copy-source");
        if ((call.operation() == S3Operation.COPY_OBJECT || call.operation() == S3Operation.UPLOAD_PART_COPY)
                && copySource != null && !copySource.isBlank()) {
            CopySource source = CopySource.parse(copySource);
            Mono<Decision> read = decide(call, caller, strict, new Wanted(S3Operation.GET_OBJECT,
                    List.of(PolicyActions.of(S3Operation.GET_OBJECT, source.versionId() != null)),
                    AclPermission.of(S3Operation.GET_OBJECT),
                    source.bucket(), source.key(), source.versionId()));
            Mono<Decision> tags = call.operation() == S3Operation.COPY_OBJECT && copiesTags(request)
                    ? copiedTags(call, caller, strict, source) : Mono.just(Decision.ALLOW);
            return Mono.zip(own, read, tags).map(all -> both(both(all.getT1(), all.getT2()), all.getT3()));
        }
        return own;
    }

    /** {@code x-amz-tagging-directive} COPY, the default (an unknown directive is CopyObject's own 400). */
    private static boolean copiesTags(S3Request request) {
        String directive = request.header("x-amz-tagging-directive");
        return directive == null || directive.equals("COPY");
    }

    /**
     * A copy that takes the tags of a source that has some needs {@code s3:GetObjectTagging} on the source
     * ({@code s3:GetObjectVersionTagging} for a version) and {@code s3:PutObjectTagging} on the copy, as on S3.
     * ALLOW (no say) for an untagged or missing source. The two are decided first: the source is read only
     * when they would refuse (strict: not allowed; open: denied), so an allowed copy costs no extra read.
     */
    private Mono<Decision> copiedTags(S3Call call, Caller caller, boolean strict, CopySource source) {
        String bucket = call.request().bucket();
        Wanted getTags = new Wanted(S3Operation.GET_OBJECT_TAGGING,
                List.of(PolicyActions.of(S3Operation.GET_OBJECT_TAGGING, source.versionId() != null)), Optional.empty(),
                source.bucket(), source.key(), source.versionId());
        Wanted putTags = new Wanted(S3Operation.COPY_OBJECT, List.of(PolicyActions.of(S3Operation.PUT_OBJECT_TAGGING)),
                Optional.empty(), bucket, call.request().key(), null);
        return decide(call, caller, strict, getTags).zipWith(decide(call, caller, strict, putTags), BucketCallerAccess::both)
                .flatMap(decision -> permits(strict, decision) ? Mono.just(Decision.ALLOW)
                        : objects.find(source.bucket(), source.key(), source.versionId())
                                .map(found -> found.tags().isEmpty() ? Decision.ALLOW : decision)
                                .defaultIfEmpty(Decision.ALLOW));
    }

    /** A governance bypass the bucket does not allow this caller is withheld (see {@link GovernanceBypass}). */
    @Override
    public Mono<S3Call> limited(S3Call call, boolean strict) {
        S3Request request = call.request();
        if (call.operation() == S3Operation.DELETE_OBJECTS) { // the keys are in the body
            return Mono.just(PerKeyAccess.deferred(call, strict));
        }
        if (strict && READS_OF_ONE_OBJECT.contains(call.operation()) && request.bucket() != null) {
            return Mono.just(MissingKeys.hiddenWhen(call, Mono.defer(() -> readerWhoMayNotList(call))));
        }
        if (!GovernanceBypass.requested(request) || request.bucket() == null) {
            return Mono.just(call);
        }
        Wanted bypass = new Wanted(call.operation(), List.of(GovernanceBypass.ACTION), Optional.empty(),
                request.bucket(), request.key(), request.queryParam("versionId"));
        return decide(call, caller(call), strict, bypass).map(decision -> {
            boolean permitted = permits(strict, decision);
            return permitted ? call : GovernanceBypass.withheld(call);
        });
    }

    /**
     * Whether the call may bypass governance retention for one key (DeleteObjects asks this per key of its
     * body, so that a policy on {@code bucket/prefix/*} decides for the keys it names).
     */
    public Mono<Boolean> bypassesGovernance(S3Call call, String key, String versionId) {
        Boolean strict = PerKeyAccess.mode(call);
        if (!GovernanceBypass.granted(call) || strict == null) {
            return Mono.just(GovernanceBypass.granted(call));
        }
        Wanted bypass = new Wanted(call.operation(), List.of(GovernanceBypass.ACTION), Optional.empty(),
                call.request().bucket(), key, versionId);
        return decide(call, caller(call), strict, bypass)
                .map(decision -> permits(strict, decision));
    }

    /**
     * Whether DeleteObjects may delete one key it names (the version named, or the key): {@code s3:DeleteObject}
     * or {@code s3:DeleteObjectVersion} on that object's ARN, as the bucket decides it for a DeleteObject, and
     * {@code s3:GetObject} too when the entry names an ETag ({@code conditional}).
     */
    public Mono<Boolean> deletes(S3Call call, String key, String versionId, boolean conditional) {
        Boolean strict = PerKeyAccess.mode(call);
        if (strict == null) {
            return Mono.just(true);
        }
        List<String> actions = new ArrayList<>(2);
        actions.add(PolicyActions.of(S3Operation.DELETE_OBJECT, versionId != null));
        actions.addAll(ImpliedActions.conditionalDelete(conditional));
        Wanted delete = new Wanted(S3Operation.DELETE_OBJECT, actions, AclPermission.of(S3Operation.DELETE_OBJECT),
                call.request().bucket(), key, versionId);
        return decide(call, caller(call), strict, delete)
                .map(decision -> permits(strict, decision));
    }

    /**
     * DeleteObjects is admitted when a bucket policy could allow or deny some of its keys: its keys are then
     * decided one by one ({@link #deletes}), each refused key an AccessDenied entry of a 200 answer. Without a
     * policy every key gets the bucket's answer, so it is given once for the request.
     */
    private Mono<Decision> deleteObjects(S3Call call, Caller caller, boolean strict) {
        String bucket = call.request().bucket();
        return snapshots.of(bucket).flatMap(found -> found.isPresent() && found.get().policy() != null
                ? Mono.just(Decision.ALLOW)
                : decide(call, caller, strict, new Wanted(S3Operation.DELETE_OBJECTS,
                        List.of(PolicyActions.of(S3Operation.DELETE_OBJECTS)), AclPermission.of(S3Operation.DELETE_OBJECTS),
                        bucket, null, null)));
    }

    /** Strict mode needs an Allow; open mode lets through whatever is not denied. */
    private static boolean permits(boolean strict, Decision decision) {
        return strict ? decision == Decision.ALLOW : decision != Decision.DENY;
    }

    private static Caller caller(S3Call call) {
        return call.accessKey() == null ? Caller.ANONYMOUS : new Caller(call.accessKey());
    }

    private static Decision both(Decision first, Decision second) {
        if (first == Decision.DENY || second == Decision.DENY) {
            return Decision.DENY;
        }
        return first == Decision.ALLOW && second == Decision.ALLOW ? Decision.ALLOW : Decision.NONE;
    }

    private Mono<Decision> decide(S3Call call, Caller caller, boolean strict, Wanted wanted) {
        return snapshots.of(wanted.bucket()).flatMap(found -> {
            if (found.isEmpty()) {
                // the operation answers NoSuchBucket; strict mode tells anonymous callers here, as S3 tells them,
                // so that a bucket made meanwhile is not theirs to use (open mode lets them use any bucket anyway)
                return strict && caller.anonymous() ? Mono.error(noSuchBucket(wanted.bucket())) : Mono.just(Decision.ALLOW);
            }
            AccessSnapshot snapshot = found.get();
            String owner = strict ? snapshot.storedOwner() : CallOwner.resolve(snapshot.storedOwner(), call);
            boolean isOwner = !caller.anonymous() && caller.accessKey().equals(owner);
            boolean ownersAccount = !caller.anonymous() && owner != null && !owner.isEmpty()
                    && caller.accountId().equals(new Caller(owner).accountId());
            // RestrictPublicBuckets: a bucket with a public policy serves only its owner's account
            boolean restricted = snapshot.block().restrictPublicBuckets() && snapshot.policy() != null
                    && snapshot.policy().isPublic() && !ownersAccount;
            // read at most once, and only when a decision needs it (an ACL grant, a tag condition)
            Mono<Optional<ObjectRecord>> object = wanted.key() == null ? Mono.just(Optional.empty())
                    : Mono.defer(() -> objects.find(wanted.bucket(), wanted.key(), wanted.versionId()))
                            .map(Optional::of).defaultIfEmpty(Optional.empty()).cache();
            List<String> actions = wanted.actionsIn(snapshot);
            return byPolicy(call, caller, snapshot, wanted, actions, object).flatMap(byPolicy -> {
                if (byPolicy.contains(Decision.DENY) && !(isOwner && POLICY_OPERATIONS.contains(wanted.operation()))) {
                    return Mono.just(Decision.DENY);
                }
                if (isOwner && !(strict && lockedOutByBucketAcl(snapshot, wanted, caller))) {
                    return Mono.just(Decision.ALLOW);
                }
                if (restricted) {
                    return Mono.just(Decision.NONE);
                }
                List<String> notAllowed = new ArrayList<>(0);
                for (int i = 0; i < byPolicy.size(); i++) {
                    if (byPolicy.get(i) != Decision.ALLOW) {
                        notAllowed.add(actions.get(i));
                    }
                }
                if (notAllowed.isEmpty()) {
                    return Mono.just(Decision.ALLOW);
                }
                // an ACL grant stands for the operation's own action, and on a write for the ACL the writer sets
                // (the writer owns what it writes); it grants no tagging or Object Lock action
                boolean aclCanCover = notAllowed.stream().allMatch(action -> action.equals(actions.get(0))
                        || action.equals(ImpliedActions.PUT_OBJECT_ACL));
                if (!strict || snapshot.aclsDisabled() || wanted.acl().isEmpty() || !aclCanCover) {
                    return Mono.just(Decision.NONE);
                }
                return byAcl(caller, snapshot, wanted.acl().get(), object);
            }).flatMap(decision -> {
                if (!strict || restricted || !READS_OF_ONE_OBJECT.contains(wanted.operation())) {
                    return Mono.just(decision);
                }
                return decision == Decision.NONE ? missingButListable(call, caller, snapshot, wanted, object)
                        : Mono.just(decision);
            });
        });
    }

    /**
     * A read of an object that is not there, by a caller who may list the bucket (s3:ListBucket in the
     * policy, READ in the bucket's ACL, no Deny): S3 then answers 404 (NoSuchKey) rather than 403, as the
     * listing would show the key missing anyway. The 404 is answered here, never an ALLOW: an object written
     * between this check and the read stays unreadable to a caller without READ on it.
     */
    private static Mono<Decision> missingButListable(S3Call call, Caller caller, AccessSnapshot snapshot, Wanted wanted,
                                                     Mono<Optional<ObjectRecord>> object) {
        return object.flatMap(found -> {
            if (found.isPresent()) {
                return Mono.just(Decision.NONE);
            }
            return listable(call, caller, snapshot, wanted) ? Mono.error(S3Error.NO_SUCH_KEY.at("/" + wanted.bucket()
                    + "/" + wanted.key()).with("Key", wanted.key())) : Mono.just(Decision.NONE);
        });
    }

    /**
     * A read by another caller who may not list the bucket: its missing key is answered 403, not 404 (S3 tells
     * only listers that a key is not there). Asked only when the key turns out missing ({@link MissingKeys}).
     */
    private Mono<Boolean> readerWhoMayNotList(S3Call call) {
        Caller caller = caller(call);
        String bucket = call.request().bucket();
        return snapshots.of(bucket).map(found -> found.isPresent()
                && (caller.anonymous() || !caller.accessKey().equals(found.get().storedOwner()))
                && !listable(call, caller, found.get(), new Wanted(call.operation(), List.of(), Optional.empty(), bucket,
                        call.request().key(), null)));
    }

    /** s3:ListBucket in the policy, or READ in the bucket's ACL, and no Deny. */
    private static boolean listable(S3Call call, Caller caller, AccessSnapshot snapshot, Wanted wanted) {
        BucketPolicy policy = snapshot.policy();
        Decision byPolicy = policy == null ? Decision.NONE : policy.decide(caller, LIST_BUCKET,
                BucketPolicy.arn(wanted.bucket(), null), PolicyContext.of(call.request(), caller, Map.of()));
        return byPolicy == Decision.ALLOW || byPolicy == Decision.NONE && !snapshot.aclsDisabled()
                && snapshot.acl() != null && snapshot.acl().grants(caller, "READ", snapshot.block().ignorePublicAcls());
    }

    private static S3Exception noSuchBucket(String bucket) {
        return S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket);
    }

    /** The policy's word on each wanted action, in order; NONE for each when the bucket has no policy. */
    private static Mono<List<Decision>> byPolicy(S3Call call, Caller caller, AccessSnapshot snapshot, Wanted wanted,
                                                 List<String> actions, Mono<Optional<ObjectRecord>> object) {
        BucketPolicy policy = snapshot.policy();
        if (policy == null) {
            return Mono.just(actions.stream().map(action -> Decision.NONE).toList());
        }
        boolean tagsNeeded = wanted.key() != null && ON_EXISTING_OBJECT.contains(wanted.operation())
                && policy.readsExistingObjectTags();
        Mono<Map<String, String>> existingTags = tagsNeeded
                ? object.map(found -> found.map(ObjectRecord::tags).orElse(Map.of())) : Mono.just(Map.of());
        String resource = BucketPolicy.arn(wanted.bucket(), wanted.key());
        return existingTags.map(tags -> {
            Map<String, List<String>> context = PolicyContext.of(call.request(), caller, tags);
            return actions.stream().map(action -> policy.decide(caller, action, resource, context)).toList();
        });
    }

    /**
     * S3 holds even the owner to its bucket's ACL for listing and for writing objects (never for the ACL
     * itself): an ACL the owner emptied of its own grant locks it out of those until it grants itself again.
     */
    private static boolean lockedOutByBucketAcl(AccessSnapshot snapshot, Wanted wanted, Caller caller) {
        if (snapshot.acl() == null || snapshot.aclsDisabled() || wanted.acl().isEmpty() || wanted.acl().get().onObject()) {
            return false;
        }
        String permission = wanted.acl().get().permission();
        return (permission.equals("READ") || permission.equals("WRITE")) && !snapshot.acl().grants(caller, permission, false);
    }

    private static Mono<Decision> byAcl(Caller caller, AccessSnapshot snapshot, AclPermission wanted,
                                        Mono<Optional<ObjectRecord>> object) {
        boolean ignorePublic = snapshot.block().ignorePublicAcls();
        if (wanted.onObject()) {
            // no such key: NONE here; a read by a caller who may list the bucket is told NoSuchKey (missingButListable)
            return object.map(found -> found.isPresent()
                    && ObjectAcl.of(found.get()).grants(caller, wanted.permission(), ignorePublic)
                    ? Decision.ALLOW : Decision.NONE);
        }
        boolean granted = snapshot.acl() != null && snapshot.acl().grants(caller, wanted.permission(), ignorePublic);
        return Mono.just(granted ? Decision.ALLOW : Decision.NONE);
    }
}
