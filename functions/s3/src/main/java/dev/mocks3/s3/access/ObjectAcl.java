package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.mocks3.core.metadata.StoredHeaders;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.state.metadata.ObjectRecord;

/**
 * Where an object's ACL lives: among its stored headers, under an internal name no response
 * carries. An object written without one has the owner-only ACL and stores nothing.
 */
public final class ObjectAcl {
    public static final String HEADER = StoredHeaders.INTERNAL_PREFIX + "acl";

    private ObjectAcl() {
    }

    public static AccessControlPolicy of(ObjectRecord object) {
        return of(object.headers(), Owner.of(object.owner()));
    }

    static AccessControlPolicy of(Map<String, String> headers, Owner owner) {
        String stored = headers.get(HEADER);
        return stored == null ? AccessControlPolicy.ownerOnly(owner)
                : AccessControlPolicy.parse(stored.getBytes(StandardCharsets.UTF_8), owner);
    }
}
