package dev.mocks3.s3.access;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.mocks3.s3.http.Owner;

/**
 * The canonical ids an ACL grant may name. Strict mode knows its accounts (the configured access keys)
 * and refuses a grant to any other, as S3 does; open mode takes every key, so it takes every id.
 */
@FunctionalInterface
public interface KnownAccounts {
    KnownAccounts ANY = canonicalId -> true;

    boolean has(String canonicalId);

    /** The configured keys' ids, and the id of what anonymous callers own (objects written into a public-write bucket). */
    static KnownAccounts ofAccessKeys(Collection<String> accessKeys) {
        Set<String> ids = Stream.concat(accessKeys.stream(), Stream.of((String) null))
                .map(key -> Owner.of(key).id()).collect(Collectors.toUnmodifiableSet());
        return ids::contains;
    }
}
