package dev.mocks3.s3.access;

import java.util.Map;
import java.util.Optional;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.config.BucketSetting;

/** What a bucket's ownership controls and public access block say about setting an ACL. */
public final class AclRules {
    private AclRules() {
    }

    /**
     * Refuses an ACL the bucket does not take: any but private or bucket-owner-full-control when it
     * enforces bucket ownership (AccessControlListNotSupported), a public one when it blocks public
     * ACLs (AccessDenied).
     *
     * @param canned the canned ACL the request named, if that is how it named the ACL
     */
    public static void check(AccessControlPolicy acl, Optional<CannedAcl> canned, Map<BucketSetting, String> bucket) {
        String ownership = bucket.get(BucketSetting.OWNERSHIP_CONTROLS);
        if (ownership != null) {
            OwnershipControls.parse(ownership.getBytes(java.nio.charset.StandardCharsets.UTF_8)).checkAclAllowed(canned, true);
        }
        if (acl.isPublic() && PublicAccessBlock.of(bucket.get(BucketSetting.PUBLIC_ACCESS_BLOCK)).blockPublicAcls()) {
            throw S3Error.ACCESS_DENIED.exception();
        }
    }
}
