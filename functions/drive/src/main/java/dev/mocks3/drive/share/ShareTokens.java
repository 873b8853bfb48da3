package dev.mocks3.drive.share;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.mocks3.drive.account.RememberedTokens;
import dev.mocks3.drive.http.DriveError;

/**
 * Share tokens: HS256 JWTs (as the drive's access tokens) naming one share, handed out for its
 * right code. Their key is derived from the drive's secret for this use only, so a share token is
 * never an access token nor the other way round; only HS256 is accepted, issuer, audience and
 * expiry are checked. A token only opens a share that is still there: every use reads the share
 * (what is remembered of a verified token is only that its signature and claims were good).
 */
final class ShareTokens {
    private static final String ISSUER = "mocks3-drive";
    private static final String AUDIENCE = "share";
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;
    private final RememberedTokens<Long> verified;

    ShareTokens(byte[] driveSecret, Duration lifetime, Clock clock) {
        byte[] key = derive(driveSecret);
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable share token key", e);
        }
        this.lifetime = lifetime;
        this.clock = clock;
        this.verified = new RememberedTokens<>(clock);
    }

    /** What validate answers: the token and when it expires (epoch seconds). */
    record Issued(String shareToken, long expiresAt) {
    }

    Issued issue(Share share) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(share.id())).issuer(ISSUER).audience(AUDIENCE)
                .claim("key", share.key()).issueTime(Date.from(now)).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a share token", e);
        }
        return new Issued(jwt.serialize(), expires.getEpochSecond());
    }

    /** The share id a valid share token names; 400004 for anything else. */
    long verify(String token) {
        if (token == null || token.isBlank()) {
            throw DriveError.SHARE_TOKEN_INVALID.exception("shareToken is required");
        }
        String given = token.strip();
        Long known = verified.get(given);
        if (known != null) {
            return known;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(given);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw DriveError.SHARE_TOKEN_INVALID.exception("share token signature invalid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (expires == null || !expires.toInstant().isAfter(clock.instant())) {
                throw DriveError.SHARE_TOKEN_INVALID.exception("share token expired; validate the code again");
            }
            if (!ISSUER.equals(claims.getIssuer()) || !List.of(AUDIENCE).equals(claims.getAudience()) || claims.getSubject() == null) {
                throw DriveError.SHARE_TOKEN_INVALID.exception();
            }
            long shareId = Long.parseLong(claims.getSubject());
            verified.remember(given, shareId, expires.toInstant());
            return shareId;
        } catch (ParseException | JOSEException | NumberFormatException e) {
            throw DriveError.SHARE_TOKEN_INVALID.exception();
        }
    }

    private static byte[] derive(byte[] driveSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(driveSecret, "HmacSHA256"));
            return mac.doFinal("mocks3-drive share tokens".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
