package dev.mocks3.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.form.FormFields;

import reactor.core.publisher.Mono;

/**
 * Verifies the AWS Signature Version 4 of an S3 request, signed in the Authorization header or
 * presigned in the query, the way S3 does: any region, service {@code s3}, 15 minutes of clock
 * skew, presigned URLs valid for at most a week. Legacy SigV2 headers are handed to {@link SigV2Verifier}.
 * A request carrying no signature verifies as anonymous; whether that is allowed is the caller's call.
 */
public final class SigV4Verifier {
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private final AccessKeys keys;
    private final Clock clock;
    private final SigV2Verifier sigV2;
    private final PostFormSignature forms;
    private final boolean anyService;

    public SigV4Verifier(AccessKeys keys, Clock clock) {
        this(keys, clock, false);
    }

    private SigV4Verifier(AccessKeys keys, Clock clock, boolean anyService) {
        this.keys = keys;
        this.clock = clock;
        this.sigV2 = new SigV2Verifier(keys, clock);
        this.forms = new PostFormSignature(keys, clock);
        this.anyService = anyService;
    }

    /** For MockS3's own APIs: the same keys, signed for any service name (curl's {@code --aws-sigv4}, SDK signers). */
    public static SigV4Verifier forAnyService(AccessKeys keys, Clock clock) {
        return new SigV4Verifier(keys, clock, true);
    }

    /** The verified identity and body protection, or an {@link S3Exception} error. Never throws. */
    public Mono<Verification> verify(S3Request request) {
        return Mono.defer(() -> {
            String authorization = request.header(HttpHeaders.AUTHORIZATION);
            boolean presigned = PresignedQuery.isPresigned(request);
            if (authorization != null && presigned) {
                throw S3Error.INVALID_ARGUMENT.exception("Only one auth mechanism allowed; only the X-Amz-Algorithm "
                        + "query parameter, Signature query string parameter or the Authorization header should be "
                        + "specified").with("ArgumentName", "Authorization");
            }
            if (presigned) {
                return verifyPresigned(request, PresignedQuery.parse(request));
            }
            if (authorization != null) {
                return verifyHeader(request, authorization, null);
            }
            if (SigV2Verifier.isPresigned(request)) {
                return sigV2.verifyPresigned(request);
            }
            String contentSha256 = request.header(CONTENT_SHA256);
            return Mono.just(Verification.anonymous(PayloadMode.of(contentSha256), contentSha256));
        });
    }

    /** Verifies a browser form upload's signature and policy, carried in its fields rather than its headers. */
    Mono<PostFormSignature.SignedForm> verifyForm(FormFields fields, String bucket) {
        return forms.verify(fields, bucket);
    }

    /**
     * Verifies a request whose whole body is already known (an API call, not an S3 upload): signed in
     * the Authorization header, {@code x-amz-content-sha256} optional and, when given, checked against the body.
     */
    public Mono<Verification> verifyWithBody(S3Request request, String bodySha256) {
        return Mono.defer(() -> {
            String authorization = request.header(HttpHeaders.AUTHORIZATION);
            if (authorization == null || authorization.startsWith(SigV2Verifier.SCHEME)) {
                String contentSha256 = request.header(CONTENT_SHA256);
                return Mono.just(Verification.anonymous(PayloadMode.of(contentSha256), contentSha256));
            }
            return verifyHeader(request, authorization, bodySha256);
        });
    }

    private Mono<Verification> verifyHeader(S3Request request, String authorization, String bodySha256) {
        if (authorization.startsWith(SigV2Verifier.SCHEME)) {
            return sigV2.verifyHeader(request, authorization);
        }
        if (!authorization.startsWith(StringToSign.ALGORITHM + " ")) {
            throw S3Error.INVALID_ARGUMENT.exception("Unsupported Authorization Type")
                    .with("ArgumentName", "Authorization").with("ArgumentValue", authorization);
        }
        ClaimedSignature claim = ClaimedSignature.fromHeader(authorization);
        String timestamp = request.header("x-amz-date");
        Instant time;
        if (timestamp != null) {
            time = AmzDate.parse(timestamp);
        } else {
            String date = request.header(HttpHeaders.DATE);
            time = date == null ? null : AmzDate.parseHttpDate(date);
            timestamp = time == null ? null : AmzDate.format(time);
        }
        if (time == null) {
            throw S3Error.ACCESS_DENIED.exception("AWS authentication requires a valid Date or x-amz-date header");
        }
        checkSkew(clock, time);
        checkScope(claim.credential(), timestamp, S3Error.AUTHORIZATION_HEADER_MALFORMED);
        String payloadHash = request.header(CONTENT_SHA256);
        if (payloadHash == null && bodySha256 != null) {
            payloadHash = bodySha256;
        }
        if (payloadHash == null) {
            throw S3Error.INVALID_REQUEST.exception("Missing required header for this request: x-amz-content-sha256");
        }
        if (bodySha256 != null && PayloadMode.of(payloadHash) == PayloadMode.SIGNED_SINGLE
                && !payloadHash.equalsIgnoreCase(bodySha256)) {
            throw S3Error.X_AMZ_CONTENT_SHA256_MISMATCH.exception()
                    .with("ClientComputedContentSHA256", payloadHash).with("S3ComputedContentSHA256", bodySha256);
        }
        return verified(request, claim, timestamp, payloadHash, false);
    }

    private Mono<Verification> verifyPresigned(S3Request request, PresignedQuery query) {
        Instant now = clock.instant();
        if (query.time().isAfter(now.plus(MAX_SKEW))) {
            throw S3Error.ACCESS_DENIED.exception("Request is not valid yet");
        }
        if (now.isAfter(query.expiry())) {
            throw S3Error.EXPIRED_TOKEN.exception()
                    .with("X-Amz-Expires", Long.toString(query.expiresSeconds()))
                    .with("Expires", query.expiry().toString())
                    .with("ServerTime", now.toString());
        }
        checkScope(query.claim().credential(), query.timestamp(), S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        return verified(request, query.claim(), query.timestamp(), query.payloadHash(), true);
    }

    private Mono<Verification> verified(S3Request request, ClaimedSignature claim, String timestamp,
                                        String payloadHash, boolean presigned) {
        PayloadMode mode = PayloadMode.of(payloadHash);
        CredentialScope credential = claim.credential();
        UnsignedHeaders.refuse(request, claim.signedHeaders());
        return keys.secretFor(credential.accessKey())
                .switchIfEmpty(Mono.error(() -> S3Error.INVALID_ACCESS_KEY_ID.exception()
                        .with("AWSAccessKeyId", credential.accessKey())))
                .map(secret -> {
                    SigningKey key = SigningKey.derive(secret, credential);
                    checkSignature(request, key, claim, timestamp, payloadHash, presigned);
                    return new Verification(credential.accessKey(), mode,
                            mode == PayloadMode.SIGNED_SINGLE ? payloadHash : null,
                            mode.signedChunks() ? new ChunkSigner(key, timestamp, credential.scope(), claim.signature())
                                    : null);
                });
    }

    private void checkSignature(S3Request request, SigningKey key, ClaimedSignature claim, String timestamp,
                                String payloadHash, boolean presigned) {
        String scope = claim.credential().scope();
        String canonicalUri = CanonicalRequest.canonicalUri(request.rawPath());
        CanonicalRequest canonical = CanonicalRequest.of(request, canonicalUri, claim.signedHeaders(), payloadHash,
                presigned);
        String stringToSign = StringToSign.request(timestamp, scope, canonical.text());
        if (matches(key.sign(stringToSign), claim.signature())) {
            return;
        }
        // Some clients sign the path exactly as they send it, without AWS's re-encoding.
        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        if (!rawPath.equals(canonicalUri)) {
            CanonicalRequest asSent = CanonicalRequest.of(request, rawPath, claim.signedHeaders(), payloadHash,
                    presigned);
            if (matches(key.sign(StringToSign.request(timestamp, scope, asSent.text())), claim.signature())) {
                return;
            }
        }
        throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception()
                .with("AWSAccessKeyId", claim.credential().accessKey())
                .with("StringToSign", stringToSign)
                .with("SignatureProvided", claim.signature())
                .with("CanonicalRequest", canonical.text());
    }

    static void checkSkew(Clock clock, Instant requestTime) {
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
            throw S3Error.REQUEST_TIME_TOO_SKEWED.exception()
                    .with("RequestTime", requestTime.toString())
                    .with("ServerTime", now.toString())
                    .with("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
        }
    }

    private void checkScope(CredentialScope credential, String timestamp, S3Error error) {
        if (!timestamp.startsWith(credential.date())) {
            throw error.exception("Invalid credential date \"" + credential.date()
                    + "\". This date is not the same as X-Amz-Date: \"" + timestamp.substring(0, 8) + "\".");
        }
        if (!anyService && !credential.service().equals("s3")) {
            throw error.exception("The authorization header is malformed; incorrect service \""
                    + credential.service() + "\". This endpoint belongs to \"s3\".");
        }
    }

    static boolean matches(String computed, String provided) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }
}
