package dev.mocks3.local.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.faults.RulesApiClient;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * With {@code MOCKS3_OTLP_ENDPOINT} set, each S3 request is a trace sent over OTLP/HTTP: the request
 * span, the fault check beneath it, a span naming the injected fault, the blob I/O and the
 * PostgreSQL statements; the fault event log carries the same trace id.
 */
class TracesReachOtlpTest {

    @Test
    void aFaultedRequestIsOneTraceWithItsFaultSpan() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
             SideRunner traced = SideRunner.start(Map.of("mocks3.otlp.endpoint", receiver.endpoint()))) {
            S3Client s3 = MockS3Fixture.singleAttemptClient(traced.endpoint());
            RulesApiClient rules = new RulesApiClient(traced.runner(), MockS3Fixture.shared().http());
            String bucket = MockS3Fixture.uniqueBucket("traced");
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("traced"));
            String rule = rules.create("{\"name\":\"traced-503\",\"service\":\"storage-service\",\"conditions\":["
                    + "{\"type\":\"bucket\",\"value\":\"" + bucket + "\"},{\"type\":\"operation\",\"value\":\"GetObject\"}],"
                    + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\"}}");
            String requestId;
            try {
                s3.getObject(b -> b.bucket(bucket).key("k"));
                throw new AssertionError("the rule should have refused the GET");
            } catch (S3Exception e) {
                assertThat(e.statusCode()).isEqualTo(503);
                requestId = e.requestId();
            } finally {
                rules.delete(rule);
            }

            Span request = await(receiver, spans -> spans.stream()
                    .filter(s -> requestId.equals(attribute(s, "mocks3.request_id"))).findFirst());
            String traceId = HexFormat.of().formatHex(request.getTraceId().toByteArray());
            assertThat(request.getName()).isEqualTo("S3 GetObject");
            assertThat(request.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(attribute(request, "mocks3.fault.action")).isEqualTo("http_error");
            assertThat(attribute(request, "mocks3.fault.rule")).isEqualTo(rule);
            assertThat(attribute(request, "http.response.status_code")).isEqualTo("503");

            List<Span> trace = await(receiver, spans -> {
                List<Span> same = spans.stream().filter(s -> s.getTraceId().equals(request.getTraceId())).toList();
                return same.stream().anyMatch(s -> s.getName().startsWith("fault ")) ? Optional.of(same) : Optional.empty();
            });
            Map<String, Span> byName = trace.stream().collect(Collectors.toMap(Span::getName, s -> s, (a, b) -> a));
            assertThat(byName).containsKeys("faultCheck", "fault http_error");
            assertThat(byName.get("faultCheck").getParentSpanId()).isEqualTo(request.getSpanId());
            Span fault = byName.get("fault http_error");
            assertThat(attribute(fault, "mocks3.fault.rule")).isEqualTo(rule);
            assertThat(attribute(fault, "mocks3.fault.rule_name")).isEqualTo("traced-503");
            assertThat(attribute(fault, "mocks3.fault.outcome")).isEqualTo("503 SlowDown");

            // the fault event log names the trace, so the client's request id leads to the trace and back
            JsonNode events = rules.events("bucket=" + bucket, 1).get("events");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("request_id").asText()).isEqualTo(requestId);
            assertThat(events.get(0).get("detail").get("trace_id").asText()).isEqualTo(traceId);

            // a PUT's trace holds its blob I/O (a body over 8,000 bytes: a smaller one is kept in its blob's row),
            // on the untraced PutObject's path: the blob published ahead, the row in one statement, then settled
            String putId = s3.putObject(b -> b.bucket(bucket).key("k2"), RequestBody.fromString("more ".repeat(2000)))
                    .responseMetadata().requestId();
            List<Span> putTrace = traceOf(receiver, putId, spans -> spans.stream().anyMatch(s -> s.getName().equals("blob settle"))
                    && statements(spans).stream().anyMatch(sql -> sql.contains("write_unversioned_object_alone")));
            assertThat(putTrace).extracting(Span::getName).contains("S3 PutObject", "blob publish", "blob settle", "db.query");
            assertThat(statements(putTrace)).anyMatch(sql -> sql.contains("write_unversioned_object_alone"));

            // a small PUT's one statement, which runs to its end even if the client leaves, is in its trace too
            String smallId = s3.putObject(b -> b.bucket(bucket).key("k3"), RequestBody.fromString("small"))
                    .responseMetadata().requestId();
            List<Span> smallTrace = traceOf(receiver, smallId,
                    spans -> statements(spans).stream().anyMatch(sql -> sql.contains("write_unversioned_object_alone")));
            assertThat(smallTrace).extracting(Span::getName).contains("S3 PutObject", "db.query");
        }
    }

    /** The spans of the trace of the request {@code requestId}, once they are {@code complete}. */
    private static List<Span> traceOf(OtlpReceiver receiver, String requestId,
                                      java.util.function.Predicate<List<Span>> complete) throws InterruptedException {
        Span request = await(receiver, spans -> spans.stream().filter(s -> requestId.equals(attribute(s, "mocks3.request_id")))
                .findFirst());
        return await(receiver, spans -> {
            List<Span> same = spans.stream().filter(s -> s.getTraceId().equals(request.getTraceId())).toList();
            return complete.test(same) ? Optional.of(same) : Optional.empty();
        });
    }

    private static List<String> statements(List<Span> trace) {
        return trace.stream().filter(s -> s.getName().equals("db.query"))
                .map(s -> String.valueOf(attribute(s, "db.statement")).toLowerCase()).toList();
    }

    private static String attribute(Span span, String key) {
        return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst()
                .map(KeyValue::getValue).map(v -> v.getStringValue()).orElse(null);
    }

    private static <T> T await(OtlpReceiver receiver, java.util.function.Function<List<Span>, Optional<T>> found)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<T> result = found.apply(receiver.spans());
        while (result.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = found.apply(receiver.spans());
        }
        return result.orElseThrow(() -> new AssertionError("not received over OTLP; spans: "
                + receiver.spans().stream().map(Span::getName).toList()));
    }
}
