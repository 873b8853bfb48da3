package dev.mocks3.app.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.core.auth.CallerAccess;
import dev.mocks3.core.auth.AuthCheck;
import dev.mocks3.core.auth.BucketOwners;
import dev.mocks3.core.auth.SigV4Verifier;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.s3.access.KnownAccounts;
import dev.mocks3.state.metadata.BucketStore;
import reactor.core.publisher.Mono;

/** The {@code authCheck} function composed in front of every S3 operation; built only where one is served. */
@Configuration(proxyBeanMethods = false)
public class AuthFunctions {

    /** The S3 keys; the rules API accepts the same ones. */
    @Bean
    AccessKeys accessKeys(AuthProperties auth) {
        return AccessKeys.of(auth.keysOrDefault());
    }

    /** The accounts an ACL grant may name: strict mode's configured keys, or any in open mode. */
    @Bean
    KnownAccounts knownAccounts(AuthProperties auth) {
        return auth.strict() ? KnownAccounts.ofAccessKeys(auth.keysOrDefault().keySet()) : KnownAccounts.ANY;
    }

    @Bean
    @Lazy
    Function<Mono<S3Call>, Mono<S3Call>> authCheck(AuthProperties auth, AccessKeys keys, ObjectProvider<BucketStore> buckets,
                                                   ObjectProvider<CallerAccess> callerAccess) {
        SigV4Verifier verifier = new SigV4Verifier(keys, Clock.systemUTC());
        BucketStore store = buckets.getIfAvailable();
        BucketOwners owners = store == null ? null
                : bucket -> store.find(bucket).map(b -> Objects.requireNonNullElse(b.owner(), ""));
        return new AuthCheck(verifier, auth.strict(), owners, auth.defaultOwnerOrFirstKey(),
                callerAccess.getIfAvailable()).asFunction();
    }
}
