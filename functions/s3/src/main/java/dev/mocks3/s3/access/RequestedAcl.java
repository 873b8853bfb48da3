package dev.mocks3.s3.access;

import java.util.Optional;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.Owner;

/** The ACL a PutBucketAcl or PutObjectAcl asks for: in its headers (canned or grants) or as an AccessControlPolicy body. */
public record RequestedAcl(AccessControlPolicy acl, Optional<CannedAcl> canned) {

    public static RequestedAcl read(HttpHeaders headers, byte[] body, Owner owner, Owner bucketOwner) {
        Optional<AccessControlPolicy> fromHeaders = AclHeaders.parse(headers, owner, bucketOwner);
        if (fromHeaders.isPresent()) {
            return new RequestedAcl(fromHeaders.get(), AclHeaders.canned(headers));
        }
        if (body.length == 0) {
            throw S3Error.MALFORMED_ACL.exception();
        }
        return new RequestedAcl(AccessControlPolicy.parse(body, owner), Optional.empty());
    }

    /** Refuses a grant to a canonical id that names no account: 400 InvalidArgument "Invalid id", as S3 answers. */
    public RequestedAcl checkedAgainst(KnownAccounts accounts) {
        for (Grant grant : acl.grants()) {
            if (grant.grantee() instanceof Grantee.CanonicalUser user && !accounts.has(user.id())) {
                throw S3Error.INVALID_ARGUMENT.exception("Invalid id").with("ArgumentName", "CanonicalUser/ID")
                        .with("ArgumentValue", user.id());
            }
        }
        return this;
    }

    /** Refuses it where the bucket's ownership controls or public access block do. */
    public RequestedAcl checkedAgainst(java.util.Map<dev.mocks3.state.config.BucketSetting, String> bucket) {
        AclRules.check(acl, canned, bucket);
        return this;
    }
}
