package dev.mocks3.s3.access;

import dev.mocks3.core.auth.AccountId;
import dev.mocks3.s3.http.Owner;

/** Who makes a request, as policies and ACLs name it: an access key (its account id and canonical id), or nobody. */
record Caller(String accessKey) {

    static final Caller ANONYMOUS = new Caller(null);

    boolean anonymous() {
        return accessKey == null;
    }

    String accountId() {
        return anonymous() ? null : AccountId.of(accessKey);
    }

    String canonicalId() {
        return anonymous() ? null : Owner.of(accessKey).id();
    }
}
