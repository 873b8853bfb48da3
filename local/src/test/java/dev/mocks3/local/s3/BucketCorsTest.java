package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CORSRule;

/** Bucket CORS through the SDK, and browsers' preflights and cross-origin reads as raw HTTP. */
class BucketCorsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp raw = new RawHttp(mocks3);

    private String bucketWithCors() {
        String bucket = mocks3.newBucket("cors");
        mocks3.s3().putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("https://*.example.com").allowedMethods("GET", "HEAD")
                        .allowedHeaders("x-amz-*", "range").exposeHeaders("ETag", "x-amz-request-id").maxAgeSeconds(600).build(),
                CORSRule.builder().allowedOrigins("*").allowedMethods("PUT").build())));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("page.html"), RequestBody.fromString("<html/>"));
        return bucket;
    }

    @Test
    void configurationRoundTripsAndDeleteLeavesNoSuchCorsConfiguration() {
        String bucket = bucketWithCors();
        var rules = mocks3.s3().getBucketCors(b -> b.bucket(bucket)).corsRules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).allowedOrigins()).containsExactly("https://*.example.com");
        assertThat(rules.get(0).allowedMethods()).containsExactly("GET", "HEAD");
        assertThat(rules.get(0).exposeHeaders()).containsExactly("ETag", "x-amz-request-id");
        assertThat(rules.get(0).maxAgeSeconds()).isEqualTo(600);

        mocks3.s3().deleteBucketCors(b -> b.bucket(bucket));
        assertError(() -> mocks3.s3().getBucketCors(b -> b.bucket(bucket)), 404, "NoSuchCORSConfiguration");
    }

    @Test
    void ruleWithAnUnsupportedMethodIsInvalidRequest() {
        String bucket = mocks3.newBucket("cors-bad");
        assertError(() -> mocks3.s3().putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))), 400, "InvalidRequest");
        assertError(() -> mocks3.s3().getBucketCors(b -> b.bucket(bucket)), 404, "NoSuchCORSConfiguration");
    }

    @Test
    void preflightAllowedByAWildcardOriginRuleGetsItsHeaders() {
        String bucket = bucketWithCors();
        HttpResponse<String> response = raw.send("OPTIONS", "/" + bucket + "/page.html", null,
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "x-amz-date, Range");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("x-amz-date, Range");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag, x-amz-request-id");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    }

    @Test
    void preflightThatNoRuleAllowsIs403() {
        String bucket = bucketWithCors();
        HttpResponse<String> wrongOrigin = raw.send("OPTIONS", "/" + bucket + "/page.html", null,
                "Origin", "https://evil.test", "Access-Control-Request-Method", "GET");
        HttpResponse<String> wrongMethod = raw.send("OPTIONS", "/" + bucket + "/page.html", null,
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "DELETE");
        HttpResponse<String> wrongHeader = raw.send("OPTIONS", "/" + bucket + "/page.html", null,
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");

        for (HttpResponse<String> refused : java.util.List.of(wrongOrigin, wrongMethod, wrongHeader)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("CORSResponse: This CORS request is not allowed");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        HttpResponse<String> anyOriginPut = raw.send("OPTIONS", "/" + bucket + "/up.txt", null,
                "Origin", "https://evil.test", "Access-Control-Request-Method", "PUT");
        assertThat(anyOriginPut.statusCode()).isEqualTo(200);
        assertThat(anyOriginPut.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void preflightWithoutCorsOrWithoutOriginIsRefused() {
        String bucket = mocks3.newBucket("cors-none");
        HttpResponse<String> noConfiguration = raw.send("OPTIONS", "/" + bucket + "/k", null,
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");
        assertThat(noConfiguration.statusCode()).isEqualTo(403);
        assertThat(noConfiguration.body()).contains("CORSResponse");

        HttpResponse<String> noOrigin = raw.send("OPTIONS", "/" + bucketWithCors() + "/k", null,
                "Access-Control-Request-Method", "GET");
        assertThat(noOrigin.statusCode()).isEqualTo(400);
    }

    @Test
    void preflightToAPresignedUrlIsAnsweredByTheCorsRulesNotByTheSignature() {
        String bucket = bucketWithCors();
        java.net.URL url;
        try (var presigner = mocks3.presigner()) {
            url = presigner.presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("page.html"))).url();
        }
        String pathAndQuery = url.getPath() + "?" + url.getQuery();

        HttpResponse<String> preflight = raw.send("OPTIONS", pathAndQuery, null,
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(raw.send("OPTIONS", pathAndQuery, null).statusCode()).as("no Origin").isEqualTo(400);
    }

    @Test
    void crossOriginGetCarriesCorsHeadersAndOtherRequestsDoNot() {
        String bucket = bucketWithCors();
        HttpResponse<String> allowed = raw.get("/" + bucket + "/page.html", "Origin", "https://www.example.com");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("<html/>");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag, x-amz-request-id");

        assertThat(raw.get("/" + bucket + "/page.html", "Origin", "https://evil.test").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(raw.get("/" + bucket + "/page.html").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> put = raw.send("PUT", "/" + bucket + "/up.txt", "from a browser", "Origin", "https://any.test");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void crossOriginErrorsCarryCorsHeadersSoBrowsersCanReadThem() {
        String bucket = bucketWithCors();
        HttpResponse<String> missing = raw.get("/" + bucket + "/no-such-page.html", "Origin", "https://www.example.com");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(RawHttp.errorCode(missing)).isEqualTo("NoSuchKey");
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
        assertThat(raw.get("/" + bucket + "/no-such-page.html", "Origin", "https://evil.test").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
