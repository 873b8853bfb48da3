package dev.mocks3.core.auth;

import static dev.mocks3.core.auth.SigV4VerifierTest.assertFailsWith;
import static dev.mocks3.core.auth.SigV4VerifierTest.headers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;

import reactor.core.publisher.Flux;

/** Legacy SigV2, checked against the examples of the S3 REST authentication documentation. */
class SigV2VerifierTest {
    private static final AccessKeys DOCUMENTED = AccessKeys.single("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final Instant GET_TIME = Instant.parse("2007-03-27T19:36:42Z");

    @Test
    void documentedVirtualHostedGetVerifies() {
        SigV4Verifier verifier = new SigV4Verifier(DOCUMENTED, Clock.fixed(GET_TIME, ZoneOffset.UTC));

        Verification verification = verifier.verify(documentedGet("bWq2s1WEIj+Ydj0vQ697zp+IXMU=")).block();

        assertThat(verification.accessKey()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(verification.mode()).isEqualTo(PayloadMode.UNSIGNED);
    }

    @Test
    void otherSignatureIsSignatureDoesNotMatch() {
        SigV4Verifier verifier = new SigV4Verifier(DOCUMENTED, Clock.fixed(GET_TIME, ZoneOffset.UTC));

        assertFailsWith(verifier, documentedGet("AAAAs1WEIj+Ydj0vQ697zp+IXMU="), S3Error.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void staleDateIsRequestTimeTooSkewed() {
        SigV4Verifier verifier = new SigV4Verifier(DOCUMENTED,
                Clock.fixed(GET_TIME.plusSeconds(3600), ZoneOffset.UTC));

        assertFailsWith(verifier, documentedGet("bWq2s1WEIj+Ydj0vQ697zp+IXMU="), S3Error.REQUEST_TIME_TOO_SKEWED);
    }

    @Test
    void presignedUrlSignsItsExpiryInPlaceOfTheDate() {
        long expires = GET_TIME.getEpochSecond() + 600;
        S3Request unsigned = presigned(expires, "placeholder");
        String signature = hmacSha1Base64(SigV2Verifier.stringToSign(unsigned, Long.toString(expires)));
        S3Request request = presigned(expires, signature);

        Clock before = Clock.fixed(GET_TIME, ZoneOffset.UTC);
        assertThat(new SigV4Verifier(DOCUMENTED, before).verify(request).block().accessKey())
                .isEqualTo("AKIAIOSFODNN7EXAMPLE");
        Clock after = Clock.fixed(GET_TIME.plusSeconds(601), ZoneOffset.UTC);
        assertFailsWith(new SigV4Verifier(DOCUMENTED, after), request, S3Error.EXPIRED_TOKEN);
    }

    private static S3Request documentedGet(String signature) {
        return new S3Request("req", "GET", "johnsmith.s3.amazonaws.com", "/photos/puppy.jpg", null, "johnsmith",
                "photos/puppy.jpg", new LinkedMultiValueMap<>(), headers(
                "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                HttpHeaders.AUTHORIZATION, "AWS AKIAIOSFODNN7EXAMPLE:" + signature),
                Flux.empty(), null, GET_TIME);
    }

    private static S3Request presigned(long expires, String signature) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE");
        query.add("Expires", Long.toString(expires));
        query.add("Signature", signature);
        query.add("versionId", "v1");
        return new S3Request("req", "GET", "localhost:9000", "/johnsmith/photos/puppy.jpg", null, "johnsmith",
                "photos/puppy.jpg", query, headers("Host", "localhost:9000"), Flux.empty(), null, GET_TIME);
    }

    private static String hmacSha1Base64(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8),
                    "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
