package dev.mocks3.drive.account;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.mocks3.drive.http.DriveError;

/**
 * Access tokens: HS256 JWTs whose subject is the user id. Only HS256 with our key is accepted, so
 * an unsigned ({@code alg: none}), forged, re-signed with another algorithm or expired token is refused.
 */
public final class Tokens {
    private static final String ISSUER = "mocks3-drive";
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;
    /** Tokens already verified, until they expire: a token's signature never changes, so it is checked once. */
    private final RememberedTokens<Long> verified;

    public Tokens(byte[] secret, Duration lifetime, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable JWT secret", e);
        }
        this.lifetime = lifetime;
        this.clock = clock;
        this.verified = new RememberedTokens<>(clock);
    }

    /** The document's login answer. */
    public record Issued(String accessToken, long accessExpire, long refreshAfter) {
    }

    public Issued issue(long userId) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(userId)).issuer(ISSUER)
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new Issued(jwt.serialize(), expires.getEpochSecond(), now.plus(lifetime.dividedBy(2)).getEpochSecond());
    }

    /** The user id of a valid token; 100003 for anything else. */
    public long verify(String token) {
        Long known = verified.get(token);
        if (known != null) {
            return known;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw DriveError.UNAUTHORIZED.exception("token signature invalid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (expires == null || !expires.toInstant().isAfter(clock.instant())) {
                throw DriveError.UNAUTHORIZED.exception("token expired");
            }
            if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null) {
                throw DriveError.UNAUTHORIZED.exception("token invalid");
            }
            long userId = Long.parseLong(claims.getSubject());
            verified.remember(token, userId, expires.toInstant());
            return userId;
        } catch (ParseException | JOSEException | NumberFormatException e) {
            throw DriveError.UNAUTHORIZED.exception("token invalid");
        }
    }

    /** The token in an Authorization header: {@code <token>} as the document sends it, or {@code Bearer <token>}. */
    public static String fromHeader(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw DriveError.UNAUTHORIZED.exception("Authorization header missing");
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).strip();
        }
        return value;
    }
}
