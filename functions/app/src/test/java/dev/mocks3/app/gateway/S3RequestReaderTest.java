package dev.mocks3.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.Target;

class S3RequestReaderTest {
    private final S3RequestReader direct = new S3RequestReader(new GatewayProperties(List.of("localhost"), false));
    private final S3RequestReader behindGateway = new S3RequestReader(new GatewayProperties(List.of("localhost"), true));

    @Test
    void pathStyleTakesTheBucketFromTheFirstSegmentAndDecodesTheKey() {
        S3Request request = direct.read(http("GET", "http://127.0.0.1:8080/photos/2024/a%20b+c.jpg").build(), "id");
        assertThat(request.bucket()).isEqualTo("photos");
        assertThat(request.key()).isEqualTo("2024/a b+c.jpg");
        assertThat(S3RequestReader.target(request)).isEqualTo(Target.OBJECT);
    }

    @Test
    void virtualHostedStyleTakesTheBucketFromTheHost() {
        S3Request request = direct.read(http("GET", "http://photos.localhost:8080/").build(), "id");
        assertThat(request.bucket()).isEqualTo("photos");
        assertThat(S3RequestReader.target(request)).isEqualTo(Target.BUCKET);
    }

    @Test
    void forwardedHostIsUsedOnlyWhenTrusted() {
        MockServerHttpRequest rewritten = http("GET", "http://get-object.mocks3.svc.cluster.local/key")
                .header("X-Forwarded-Host", "photos.localhost:8080").build();
        S3Request trusted = behindGateway.read(rewritten, "id");
        assertThat(trusted.bucket()).isEqualTo("photos");
        assertThat(trusted.key()).isEqualTo("key");
        assertThat(trusted.header("Host")).isEqualTo("photos.localhost:8080");

        S3Request untrusted = direct.read(rewritten, "id");
        assertThat(untrusted.bucket()).isEqualTo("key");
        assertThat(untrusted.header("Host")).isEqualTo("get-object.mocks3.svc.cluster.local");
    }

    /** As Netty hands requests over: the URI as sent, and always a Host header. */
    private static MockServerHttpRequest.BaseBuilder<?> http(String method, String uri) {
        java.net.URI parsed = java.net.URI.create(uri);
        String host = parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
        return MockServerHttpRequest.method(org.springframework.http.HttpMethod.valueOf(method), parsed).header("Host", host);
    }

    @Test
    void keysOver1024BytesAreRefused() {
        MockServerHttpRequest request = http("PUT", "http://localhost/b/" + "%C3%A9".repeat(513)).build();
        assertThatThrownBy(() -> direct.read(request, "id")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).isEqualTo("KeyTooLongError"));
    }
}
