package dev.mocks3.faults.inject;

import static dev.mocks3.faults.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.ConnectionDrop;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.Calls;
import dev.mocks3.faults.Harness;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class FaultInjectionTest {
    private static final String BODY = "0123456789abcdefghijklmnopqrstuvwxyz";
    private final Harness h = new Harness();

    /** The operation: answers 200 with BODY and its ETag. */
    private static S3Call answer(S3Call call) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentLength(BODY.length());
        headers.setETag("\"0123456789abcdef0123456789abcdef\"");
        return call.withResponse(new S3Response(200, headers, Calls.body(BODY)));
    }

    private static String text(S3Call call) {
        return DataBufferUtils.join(call.response().body()).map(b -> b.toString(StandardCharsets.UTF_8)).block();
    }

    @Test
    void seedErrorRuleFailsStorageRequestsWithItsMessage() {
        h.rule("""
                {"name": "Storage Random Error", "service": "storage-service", "enabled": true,
                 "conditions": [{"type": "probability", "value": 1.0}],
                 "action": {"type": "http_error", "http_code": 500, "message": "Internal server error injected"}}""");
        StepVerifier.create(h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer))
                .expectErrorSatisfies(e -> {
                    S3Exception s3 = (S3Exception) e;
                    assertThat(s3.status()).isEqualTo(500);
                    assertThat(s3.code()).isEqualTo("InternalError");
                    assertThat(s3.getMessage()).isEqualTo("Internal server error injected");
                }).verify();
        StepVerifier.create(h.run(call(S3Operation.HEAD_OBJECT, "b", "k"), FaultInjectionTest::answer))
                .expectNextCount(1).verifyComplete();
        assertThat(h.events.find(new dev.mocks3.faults.store.EventQuery(null, null, null, null, null, null, null, 10, 0))
                .block().events()).singleElement().satisfies(e -> {
                    assertThat(e.operation()).isEqualTo("GetObject");
                    assertThat(e.phase()).isEqualTo("before");
                    assertThat(e.outcome()).isEqualTo("500 InternalError");
                });
    }

    @Test
    void afterPhaseErrorRunsTheOperationFirst() {
        h.rule("{\"name\":\"a\",\"action\":{\"type\":\"http_error\",\"http_code\":503,\"phase\":\"after\"}}");
        AtomicLong ran = new AtomicLong();
        StepVerifier.create(h.run(call(S3Operation.PUT_OBJECT, "b", "k"), c -> {
                    ran.incrementAndGet();
                    return answer(c);
                }))
                .expectErrorSatisfies(e -> assertThat(((S3Exception) e).code()).isEqualTo("SlowDown")).verify();
        assertThat(ran).hasValue(1);
    }

    @Test
    void delayHoldsTheRequest() {
        h.rule("{\"name\":\"d\",\"action\":{\"type\":\"delay\",\"delay\":\"300ms\"}}");
        long start = System.nanoTime();
        h.run(call(S3Operation.HEAD_BUCKET, "b", null), FaultInjectionTest::answer).block();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void truncateKeepsContentLengthAndDropsTheConnection() {
        h.rule("{\"name\":\"t\",\"action\":{\"type\":\"truncate\",\"keep_bytes\":10}}");
        S3Call done = h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer).block();
        assertThat(done.response().headers().getContentLength()).isEqualTo(BODY.length());
        StepVerifier.create(done.response().body().map(b -> b.readableByteCount()))
                .expectNext(10).expectError(ConnectionDrop.class).verify();
    }

    @Test
    void corruptFlipsBytesButKeepsTheLength() {
        h.rule("{\"name\":\"c\",\"action\":{\"type\":\"corrupt\",\"bytes\":2}}");
        String got = text(h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer).block());
        assertThat(got).hasSize(BODY.length()).isNotEqualTo(BODY);
    }

    @Test
    void wrongEtagChangesOnlyTheEtag() {
        h.rule("{\"name\":\"e\",\"action\":{\"type\":\"corrupt\",\"target\":\"etag\"}}");
        S3Call done = h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer).block();
        assertThat(done.response().headers().getETag()).isEqualTo("\"0123456789abcdef0123456789abcde0\"");
        assertThat(text(done)).isEqualTo(BODY);
    }

    @Test
    void resetBeforeDropsTheConnection() {
        h.rule("{\"name\":\"r\",\"action\":{\"type\":\"reset\"}}");
        StepVerifier.create(h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer))
                .expectError(ConnectionDrop.class).verify();
    }

    @Test
    void bandwidthSlowsTheBody() {
        h.rule("{\"name\":\"bw\",\"action\":{\"type\":\"bandwidth\",\"bytes_per_second\":72}}");
        long start = System.nanoTime();
        assertThat(text(h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer).block())).isEqualTo(BODY);
        // 36 bytes at 72 B/s: half a second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void sliceSendsSmallChunks() {
        h.rule("{\"name\":\"s\",\"action\":{\"type\":\"slice\",\"chunk_size\":10,\"pause\":\"10ms\"}}");
        S3Call done = h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer).block();
        StepVerifier.create(done.response().body().map(b -> b.readableByteCount()))
                .expectNext(10, 10, 10, 6).verifyComplete();
    }

    @Test
    void uploadCorruptionChangesWhatTheOperationReads() {
        h.rule("{\"name\":\"u\",\"action\":{\"type\":\"corrupt\",\"offset\":0,\"phase\":\"before\"}}");
        S3Call put = call(S3Operation.PUT_OBJECT, "b", "k", Map.of("Content-Length", "36"), Map.of());
        put = put.withRequest(put.request().withBody(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(BODY.getBytes()))));
        String[] stored = new String[1];
        h.run(put, c -> {
            stored[0] = DataBufferUtils.join(c.request().body()).map(b -> b.toString(StandardCharsets.UTF_8)).block();
            return answer(c);
        }).block();
        assertThat(stored[0]).hasSize(36).doesNotStartWith("0").endsWith(BODY.substring(1));
    }

    @Test
    void throttleRefusesBeyondTheRate() {
        h.rule("{\"name\":\"th\",\"action\":{\"type\":\"throttle\",\"rate\":3,\"interval\":\"1m\",\"per\":\"prefix\"}}");
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            try {
                h.run(call(S3Operation.GET_OBJECT, "b", "logs/" + i), FaultInjectionTest::answer).block();
            } catch (S3Exception e) {
                assertThat(e.code()).isEqualTo("SlowDown");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2);
        // another prefix has its own bucket
        h.run(call(S3Operation.GET_OBJECT, "b", "img/1"), FaultInjectionTest::answer).block();
    }

    @Test
    void objectSizeRulesOnReadsAreDecidedOnTheResponse() {
        h.rule("{\"name\":\"big\",\"conditions\":[{\"type\":\"object_size\",\"min\":30}],\"action\":{\"type\":\"truncate\"}}");
        S3Call done = h.run(call(S3Operation.GET_OBJECT, "b", "k"), FaultInjectionTest::answer).block();
        StepVerifier.create(done.response().body().map(b -> b.readableByteCount()))
                .expectNext(18).expectError(ConnectionDrop.class).verify();
    }

    @Test
    void aRequestCanAskForItsOwnFaultWhenAllowed() {
        StepVerifier.create(h.run(call(S3Operation.GET_OBJECT, "b", "k",
                                Map.of("x-mocks3-fault", "http_error;http_code=404"), Map.of()), FaultInjectionTest::answer))
                .expectErrorSatisfies(e -> assertThat(((S3Exception) e).code()).isEqualTo("NoSuchKey")).verify();
    }
}
