package dev.mocks3.core.auth;

import java.util.Map;

import reactor.core.publisher.Mono;

/** Looks up the secret of an access key; reactive so that keys can live in the database. */
@FunctionalInterface
public interface AccessKeys {

    /** The secret, or empty when the key is unknown. */
    Mono<String> secretFor(String accessKey);

    static AccessKeys of(Map<String, String> secretsByKey) {
        Map<String, String> copy = Map.copyOf(secretsByKey);
        return accessKey -> Mono.justOrEmpty(copy.get(accessKey));
    }

    static AccessKeys single(String accessKey, String secret) {
        return of(Map.of(accessKey, secret));
    }

    /** The laptop default: access key {@code test}, secret {@code test}. */
    static AccessKeys defaults() {
        return of(Map.of("test", "test"));
    }
}
