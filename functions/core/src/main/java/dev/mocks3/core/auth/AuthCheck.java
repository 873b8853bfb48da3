package dev.mocks3.core.auth;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Function;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.checksum.BodyChecksum;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.ChecksumHeaders;
import dev.mocks3.core.checksum.DigestCheck;
import dev.mocks3.core.checksum.ExpectedDigest;
import dev.mocks3.core.chunked.AwsChunkedDecoder;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.form.FormFields;
import dev.mocks3.core.routing.S3Operation;

import reactor.core.publisher.Mono;

/**
 * The stage in front of every operation: verifies the signature, refuses anonymous requests in
 * strict mode, and hands the operation a body it can trust: aws-chunked decoded, and every
 * declared digest (x-amz-content-sha256, Content-MD5, x-amz-checksum-*) checked as it streams.
 */
public final class AuthCheck implements S3Function {
    private static final String AWS_CHUNKED = "aws-chunked";
    private static final String DECODED_LENGTH = "x-amz-decoded-content-length";

    private final SigV4Verifier verifier;
    private final boolean strict;
    private final BucketAccess buckets;
    private final ExpectedBucketOwner expectedOwner;
    private final String defaultOwner;
    private final CallerAccess callerAccess;

    /** Without bucket owners: strict mode refuses anonymous requests but does not keep keys apart. */
    public AuthCheck(SigV4Verifier verifier, boolean strict) {
        this(verifier, strict, null, null, null);
    }

    /**
     * @param owners in strict mode, each key touches only the buckets it owns; with them,
     *        x-amz-expected-bucket-owner is checked; null for neither
     * @param defaultOwner the access key unsigned calls act as (see {@link CallOwner}); null for none
     * @param callerAccess what buckets' policies and ACLs say of a request; null: strict refuses every unsigned
     *        request and keeps each key to its own buckets, open mode refuses none
     */
    public AuthCheck(SigV4Verifier verifier, boolean strict, BucketOwners owners, String defaultOwner,
                     CallerAccess callerAccess) {
        this.verifier = verifier;
        this.strict = strict;
        this.buckets = owners == null ? null : new BucketAccess(owners);
        this.expectedOwner = owners == null ? null : new ExpectedBucketOwner(owners);
        this.defaultOwner = defaultOwner;
        this.callerAccess = callerAccess;
    }

    @Override
    public Mono<S3Call> apply(S3Call call) {
        S3Request request = call.request();
        if (call.operation() == S3Operation.POST_OBJECT) {
            // a form upload's signature and policy are fields of its body: the operation reads them, then asks admitForm
            return Mono.just(withDefaultOwner(call).withAttribute(FormAuthentication.ATTRIBUTE,
                    (FormAuthentication) this::admitForm));
        }
        if (call.operation() == S3Operation.CORS_PREFLIGHT) {
            // a browser sends a preflight without credentials, to the actual request's URL: a presigned URL's
            // query signs that request (another method), not the OPTIONS, which S3 answers from the CORS rules alone
            return admit(withDefaultOwner(call), null);
        }
        return verifier.verify(request).flatMap(verification -> {
            BodyChecksum declared = call.operation().is(S3Operation.Trait.UPLOADS_BODY)
                    ? ChecksumHeaders.declared(request.headers(), trailerChecksum(request.header("x-amz-trailer"))) : null;
            S3Request trusted = withTrustedBody(request, verification, call.operation(), declared);
            S3Call verified = trusted == request ? call : call.withRequest(trusted);
            if (declared != null) {
                verified = verified.withAttribute(BodyChecksum.ATTRIBUTE, declared);
            }
            return admit(withDefaultOwner(verified), verification.anonymous() ? null : verification.accessKey());
        });
    }

    /**
     * A form's file is held to its policy's content-length-range (the 5 GiB limit of every upload is the
     * write path's), checked against its Content-MD5 and x-amz-checksum-* fields as it streams, and a
     * checksum field is handed on to be stored with the object, as a PUT's header is.
     */
    private Mono<S3Call> admitForm(S3Call call, FormFields fields) {
        S3Request request = call.request();
        // the policy's conditions on $key hold for the key written, ${filename} replaced, as on S3
        return verifier.verifyForm(fields.with("key", request.key()), request.bucket()).flatMap(form -> {
            S3Request limited = form.range() == null ? request : request.withBody(form.range().limit(request.body()));
            S3Request trusted = withTrustedBody(limited, Verification.anonymous(PayloadMode.UNSIGNED, null),
                    call.operation(), null);
            BodyChecksum declared = ChecksumHeaders.declared(trusted.headers(), null);
            S3Call admitted = call.withRequest(trusted);
            return admit(declared == null ? admitted : admitted.withAttribute(BodyChecksum.ATTRIBUTE, declared),
                    form.accessKey());
        });
    }

    /** The verified call as its access key (null: anonymous), if the bucket's owner, policy and ACLs allow it. */
    private Mono<S3Call> admit(S3Call verified, String accessKey) {
        Mono<S3Call> admitted;
        if (accessKey == null) {
            admitted = anonymous(verified);
        } else {
            S3Call signed = verified.withAccessKey(accessKey);
            if (callerAccess != null) {
                admitted = decided(strict ? signed.withAttribute(BucketAccess.OWN_BUCKETS_ONLY, Boolean.TRUE) : signed, strict);
            } else {
                admitted = strict && buckets != null ? buckets.check(signed) : Mono.just(signed);
            }
        }
        return admitted.flatMap(call -> expectedOwner == null ? Mono.just(call) : expectedOwner.check(call));
    }

    private S3Call withDefaultOwner(S3Call call) {
        return defaultOwner == null ? call : call.withAttribute(CallOwner.DEFAULT_OWNER, defaultOwner);
    }

    /**
     * Strict mode serves an unsigned request only when the bucket allows it; open mode unless the bucket denies it.
     * An unsigned form upload needs the bucket's allowance in both modes, as on S3 (a public-write ACL or policy).
     */
    private Mono<S3Call> anonymous(S3Call call) {
        boolean needsAllowance = strict || call.operation() == S3Operation.POST_OBJECT;
        if (callerAccess == null) {
            return needsAllowance ? Mono.error(S3Error.ACCESS_DENIED.at(call.request().resource())) : Mono.just(call);
        }
        return decided(call, needsAllowance);
    }

    /** With {@code needsAllowance} (strict mode) what the bucket allows the caller is served; else what it does not deny. */
    private Mono<S3Call> decided(S3Call call, boolean needsAllowance) {
        return callerAccess.decide(call, needsAllowance).flatMap(decision -> {
            boolean refused = needsAllowance ? decision != CallerAccess.Decision.ALLOW
                    : decision == CallerAccess.Decision.DENY;
            if (refused) {
                return Mono.error(S3Error.ACCESS_DENIED.at(call.request().resource()));
            }
            return callerAccess.limited(call, strict);
        });
    }

    private static S3Request withTrustedBody(S3Request request, Verification verification, S3Operation operation,
                                             BodyChecksum declared) {
        S3Request decoded = isAwsChunked(request, verification) ? decodeChunked(request, verification, declared)
                : withoutAwsChunkedEncoding(request);
        // CompleteMultipartUpload's x-amz-checksum-* is the whole object's, not the XML body's.
        DigestCheck digests = ChecksumHeaders.of(request.headers(), operation != S3Operation.COMPLETE_MULTIPART_UPLOAD);
        if (verification.mode() == PayloadMode.SIGNED_SINGLE) {
            digests = digests.and(contentSha256(verification.contentSha256()));
        }
        return digests.isEmpty() ? decoded : decoded.withBody(digests.apply(decoded.body()));
    }

    /**
     * The body is aws-chunked when x-amz-content-sha256 says so, or when Content-Encoding says so
     * and x-amz-decoded-content-length gives the decoded length; {@code Content-Encoding: gzip,
     * aws-chunked} on a plain body is a plain body, as on S3.
     */
    private static boolean isAwsChunked(S3Request request, Verification verification) {
        return verification.mode().chunked() || request.header(DECODED_LENGTH) != null
                && contentEncodings(request.headers()).stream().anyMatch(AWS_CHUNKED::equalsIgnoreCase);
    }

    /** A plain body's headers without aws-chunked among its content codings, which S3 does not store. */
    private static S3Request withoutAwsChunkedEncoding(S3Request request) {
        boolean declared = contentEncodings(request.headers()).stream().anyMatch(AWS_CHUNKED::equalsIgnoreCase);
        return declared ? request.withHeaders(withoutAwsChunked(request.headers())) : request;
    }

    private static HttpHeaders withoutAwsChunked(HttpHeaders headers) {
        HttpHeaders plain = new HttpHeaders();
        plain.addAll(headers);
        List<String> encodings = contentEncodings(headers);
        encodings.removeIf(AWS_CHUNKED::equalsIgnoreCase);
        plain.remove(HttpHeaders.CONTENT_ENCODING);
        if (!encodings.isEmpty()) {
            plain.set(HttpHeaders.CONTENT_ENCODING, String.join(",", encodings));
        }
        return plain;
    }

    private static S3Request decodeChunked(S3Request request, Verification verification, BodyChecksum declared) {
        HttpHeaders headers = request.headers();
        long decodedLength = decodedLength(headers.getFirst(DECODED_LENGTH));
        ChecksumAlgorithm trailer = trailerChecksum(headers.getFirst("x-amz-trailer"));
        var settings = new AwsChunkedDecoder.Settings(verification.chunkSigner(),
                verification.mode() == PayloadMode.STREAMING_SIGNED_TRAILER, trailer, decodedLength, declared);

        HttpHeaders plain = withoutAwsChunked(headers);
        plain.remove(HttpHeaders.CONTENT_LENGTH);
        if (decodedLength >= 0) {
            plain.setContentLength(decodedLength);
        }
        return request.withHeaders(plain).withBody(new AwsChunkedDecoder(settings).decode(request.body()));
    }

    private static List<String> contentEncodings(HttpHeaders headers) {
        List<String> encodings = new ArrayList<>(2);
        List<String> values = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (values != null) {
            for (String value : values) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        encodings.add(token.strip());
                    }
                }
            }
        }
        return encodings;
    }

    private static long decodedLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw S3Error.INVALID_ARGUMENT.exception("x-amz-decoded-content-length is not a valid length.")
                .with("ArgumentName", DECODED_LENGTH).with("ArgumentValue", value);
    }

    private static ChecksumAlgorithm trailerChecksum(String trailer) {
        if (trailer == null || trailer.isBlank()) {
            return null;
        }
        return ChecksumAlgorithm.forHeader(trailer.strip()).orElseThrow(() -> S3Error.INVALID_ARGUMENT
                .exception("The value specified in the x-amz-trailer header is not supported")
                .with("ArgumentName", "x-amz-trailer").with("ArgumentValue", trailer));
    }

    private static ExpectedDigest contentSha256(String hex) {
        return new ExpectedDigest(ChecksumAlgorithm.SHA256, HexFormat.of().parseHex(hex),
                computed -> S3Error.X_AMZ_CONTENT_SHA256_MISMATCH.exception()
                        .with("ClientComputedContentSHA256", hex)
                        .with("S3ComputedContentSHA256", HexFormat.of().formatHex(computed)));
    }
}
