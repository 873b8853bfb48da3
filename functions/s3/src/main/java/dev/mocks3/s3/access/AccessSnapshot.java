package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.config.BucketSettings;

/**
 * What access to one bucket depends on, parsed once: its stored owner, policy, ACL, public access
 * block and whether it enforces bucket ownership (ACLs off).
 *
 * @param policy null when the bucket has none
 * @param acl    null when none was set (the owner alone has full control)
 */
record AccessSnapshot(String storedOwner, BucketPolicy policy, AccessControlPolicy acl, PublicAccessBlock block,
                      boolean aclsDisabled) {

    static AccessSnapshot of(BucketSettings settings) {
        Map<BucketSetting, String> documents = settings.documents();
        String policy = documents.get(BucketSetting.POLICY);
        String acl = documents.get(BucketSetting.ACL);
        String ownership = documents.get(BucketSetting.OWNERSHIP_CONTROLS);
        return new AccessSnapshot(settings.bucket().owner(),
                policy == null ? null : BucketPolicy.parse(policy, settings.bucket().name()),
                acl == null ? null : AccessControlPolicy.parse(acl.getBytes(StandardCharsets.UTF_8), null),
                PublicAccessBlock.of(documents.get(BucketSetting.PUBLIC_ACCESS_BLOCK)),
                ownership != null && OwnershipControls.parse(ownership.getBytes(StandardCharsets.UTF_8)).aclsDisabled());
    }
}
