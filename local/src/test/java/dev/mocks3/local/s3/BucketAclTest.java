package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/** Bucket and object ACLs, PublicAccessBlock and ownership controls through the SDK. */
class BucketAclTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void newBucketAndObjectGiveTheirOwnerFullControl() {
        String bucket = mocks3.newBucket("acl-default");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        var bucketAcl = mocks3.s3().getBucketAcl(b -> b.bucket(bucket));
        assertThat(bucketAcl.owner().displayName()).isEqualTo(MockS3Fixture.ACCESS_KEY);
        assertThat(bucketAcl.grants()).extracting(g -> g.grantee().type(), g -> g.grantee().id(), Grant::permission)
                .containsExactly(tuple(Type.CANONICAL_USER, bucketAcl.owner().id(), Permission.FULL_CONTROL));
        assertThat(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")).grants()).extracting(Grant::permission)
                .containsExactly(Permission.FULL_CONTROL);
    }

    @Test
    void cannedAclsOnCreateBucketPutBucketAclAndPutObjectAreStored() {
        String bucket = MockS3Fixture.uniqueBucket("acl-canned");
        mocks3.s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        assertThat(groupGrants(mocks3.s3().getBucketAcl(b -> b.bucket(bucket)).grants()))
                .containsExactly(tuple(ALL_USERS, Permission.READ));

        mocks3.s3().putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        assertThat(groupGrants(mocks3.s3().getBucketAcl(b -> b.bucket(bucket)).grants()))
                .containsExactly(tuple(ALL_USERS, Permission.READ), tuple(ALL_USERS, Permission.WRITE));

        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.AUTHENTICATED_READ), RequestBody.fromString("x"));
        assertThat(groupGrants(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")).grants()))
                .containsExactly(tuple(AUTHENTICATED_USERS, Permission.READ));

        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("overwritten"));
        assertThat(groupGrants(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")).grants()))
                .as("an overwrite without x-amz-acl is private again").isEmpty();
    }

    @Test
    void cannedAclsListTheirGroupGrantsBeforeTheOwner() {
        String bucket = MockS3Fixture.uniqueBucket("acl-order");
        mocks3.s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        assertThat(mocks3.s3().getBucketAcl(b -> b.bucket(bucket)).grants()).extracting(g -> g.grantee().type(), Grant::permission)
                .containsExactly(tuple(Type.GROUP, Permission.READ), tuple(Type.GROUP, Permission.WRITE),
                        tuple(Type.CANONICAL_USER, Permission.FULL_CONTROL));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.AUTHENTICATED_READ), RequestBody.fromString("x"));
        assertThat(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")).grants()).extracting(g -> g.grantee().type(), Grant::permission)
                .containsExactly(tuple(Type.GROUP, Permission.READ), tuple(Type.CANONICAL_USER, Permission.FULL_CONTROL));
    }

    @Test
    void putObjectAclTakesAnAccessControlPolicyAndGrantHeaders() {
        String bucket = mocks3.newBucket("acl-put");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        var owner = mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")).owner();
        mocks3.s3().putObjectAcl(b -> b.bucket(bucket).key("k").accessControlPolicy(p -> p.owner(owner).grants(
                Grant.builder().grantee(Grantee.builder().type(Type.GROUP).uri(ALL_USERS).build()).permission(Permission.READ).build(),
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("abc123").build())
                        .permission(Permission.WRITE_ACP).build())));
        var acl = mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k"));
        assertThat(acl.grants()).extracting(g -> g.grantee().type(), Grant::permission)
                .containsExactly(tuple(Type.GROUP, Permission.READ), tuple(Type.CANONICAL_USER, Permission.WRITE_ACP));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("x");

        mocks3.s3().putObjectAcl(b -> b.bucket(bucket).key("k").grantRead("uri=\"" + AUTHENTICATED_USERS + "\"")
                .grantFullControl("id=\"abc123\""));
        assertThat(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")).grants())
                .extracting(g -> g.grantee().type(), Grant::permission)
                .containsExactly(tuple(Type.CANONICAL_USER, Permission.FULL_CONTROL), tuple(Type.GROUP, Permission.READ));
    }

    @Test
    void copyDoesNotCarryTheSourceAcl() {
        String bucket = mocks3.newBucket("acl-copy");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("src").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst"));
        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("pub")
                .acl(ObjectCannedACL.PUBLIC_READ));
        assertThat(groupGrants(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("dst")).grants())).isEmpty();
        assertThat(groupGrants(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("pub")).grants()))
                .containsExactly(tuple(ALL_USERS, Permission.READ));
    }

    @Test
    void unknownCannedAclAndCannedWithGrantsAreRefused() {
        String bucket = mocks3.newBucket("acl-bad");
        RawHttp raw = new RawHttp(mocks3);
        var unknown = raw.send("PUT", "/" + bucket + "/k", "x", "x-amz-acl", "world-writable");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(unknown)).isEqualTo("InvalidArgument");
        var both = raw.send("PUT", "/" + bucket + "?acl", null, "x-amz-acl", "private", "x-amz-grant-read", "id=\"abc\"");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(both)).isEqualTo("InvalidRequest");
        assertError(() -> mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("k")), 404, "NoSuchKey");
    }

    @Test
    void publicAccessBlockRoundTripsAndBlocksPublicAclsAndPolicies() {
        String bucket = mocks3.newBucket("pab");
        assertError(() -> mocks3.s3().getPublicAccessBlock(b -> b.bucket(bucket)), 404, "NoSuchPublicAccessBlockConfiguration");
        mocks3.s3().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(true)));
        var stored = mocks3.s3().getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
        assertThat(stored.blockPublicAcls()).isTrue();
        assertThat(stored.ignorePublicAcls()).isFalse();
        assertThat(stored.blockPublicPolicy()).isTrue();
        assertThat(stored.restrictPublicBuckets()).isFalse();

        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")), 403, "AccessDenied");
        assertThat(ObjectEncryptionTest.catchStatus(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("k")))).isEqualTo(404);
        assertError(() -> mocks3.s3().putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ)), 403, "AccessDenied");
        assertError(() -> mocks3.s3().putBucketPolicy(b -> b.bucket(bucket)
                .policy(BucketPolicyTest.policy("Allow", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*"))), 403, "AccessDenied");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("x"));

        mocks3.s3().deletePublicAccessBlock(b -> b.bucket(bucket));
        assertError(() -> mocks3.s3().getPublicAccessBlock(b -> b.bucket(bucket)), 404, "NoSuchPublicAccessBlockConfiguration");
        mocks3.s3().putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
    }

    @Test
    void bucketOwnerEnforcedRefusesAclsButBucketOwnerFullControl() {
        String bucket = mocks3.newBucket("ownership");
        assertError(() -> mocks3.s3().getBucketOwnershipControls(b -> b.bucket(bucket)), 404, "OwnershipControlsNotFoundError");
        mocks3.s3().putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(c -> c.rules(
                OwnershipControlsRule.builder().objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED).build())));
        assertThat(mocks3.s3().getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules().get(0).objectOwnership())
                .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);

        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")), 400, "AccessControlListNotSupported");
        assertError(() -> mocks3.s3().putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ)), 400,
                "AccessControlListNotSupported");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("x"));

        mocks3.s3().deleteBucketOwnershipControls(b -> b.bucket(bucket));
        assertError(() -> mocks3.s3().getBucketOwnershipControls(b -> b.bucket(bucket)), 404, "OwnershipControlsNotFoundError");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
    }

    @Test
    void createBucketWithObjectOwnershipEnforcedStoresIt() {
        String bucket = MockS3Fixture.uniqueBucket("ownership-create");
        mocks3.s3().createBucket(b -> b.bucket(bucket).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
        assertThat(mocks3.s3().getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules().get(0).objectOwnership())
                .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }

    private static List<org.assertj.core.groups.Tuple> groupGrants(List<Grant> grants) {
        return grants.stream().filter(g -> g.grantee().type() == Type.GROUP)
                .map(g -> tuple(g.grantee().uri(), g.permission())).toList();
    }
}
