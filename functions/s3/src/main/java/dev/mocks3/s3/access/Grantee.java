package dev.mocks3.s3.access;

/** Whom a grant names: an account by canonical id, a predefined group, or an account by e-mail address. */
public sealed interface Grantee {
    String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    record CanonicalUser(String id, String displayName) implements Grantee {
    }

    record Group(String uri) implements Grantee {
        /** Everyone, or everyone with an AWS account: the grants S3 calls public. */
        public boolean isPublic() {
            return uri.equals(ALL_USERS) || uri.equals(AUTHENTICATED_USERS);
        }
    }

    record ByEmail(String emailAddress) implements Grantee {
    }
}
