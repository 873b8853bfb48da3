package dev.mocks3.s3.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.config.BucketSetting;

/**
 * The configuration a CreateBucket request asks for in its headers: an ACL ({@code x-amz-acl},
 * {@code x-amz-grant-*}) and Object Ownership ({@code x-amz-object-ownership}), checked before the
 * bucket is made; none given, nothing is stored.
 */
public final class NewBucketSettings {
    private static final String OBJECT_OWNERSHIP = "x-amz-object-ownership";

    private NewBucketSettings() {
    }

    public static Map<BucketSetting, String> of(S3Call call) {
        HttpHeaders headers = call.request().headers();
        Owner owner = Owner.of(call.accessKey());
        Optional<AccessControlPolicy> acl = AclHeaders.parse(headers, owner, owner);
        Map<BucketSetting, String> documents = new EnumMap<>(BucketSetting.class);
        String ownershipHeader = headers.getFirst(OBJECT_OWNERSHIP);
        if (ownershipHeader != null) {
            OwnershipControls ownership = OwnershipControls.of(ownershipHeader);
            ownership.checkAclAllowed(AclHeaders.canned(headers), acl.isPresent());
            documents.put(BucketSetting.OWNERSHIP_CONTROLS, ownership.xml());
        }
        acl.ifPresent(policy -> documents.put(BucketSetting.ACL, policy.xml()));
        return documents;
    }
}
