package dev.mocks3.app.auth;

import java.time.Clock;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.core.auth.AuthCheck;
import dev.mocks3.core.auth.SigV4Verifier;
import dev.mocks3.core.call.S3Call;
import reactor.core.publisher.Mono;

/** The {@code authCheck} function composed in front of every S3 operation; built only where one is served. */
@Configuration(proxyBeanMethods = false)
public class AuthFunctions {

    @Bean
    @Lazy
    Function<Mono<S3Call>, Mono<S3Call>> authCheck(AuthProperties auth) {
        SigV4Verifier verifier = new SigV4Verifier(AccessKeys.of(auth.keysOrDefault()), Clock.systemUTC());
        return new AuthCheck(verifier, auth.strict()).asFunction();
    }
}
