package dev.mocks3.faults.inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.events.EventJson;
import dev.mocks3.events.EventTypes;
import dev.mocks3.events.delivery.DeliveryFaults;
import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.Decision;
import dev.mocks3.faults.engine.RequestFacts;
import dev.mocks3.faults.engine.RuleEvaluator;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.faults.rule.Phase;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.RuleCache;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rules of service {@code notification-delivery} applied to each delivery attempt of a bucket
 * notification. The notification is seen as the request that caused it: its operation
 * (PutObject, CopyObject, CompleteMultipartUpload; DeleteObject for removals), bucket, key and size,
 * and its CloudEvent attributes as {@code ce-*} headers, so the usual conditions select it.
 */
public final class NotificationDeliveryFaults implements DeliveryFaults {
    private final RuleCache cache;
    private final RuleEvaluator evaluator;
    private final FaultStats stats;
    private final FaultRecorder recorder;
    private final Clock clock;

    public NotificationDeliveryFaults(RuleCache cache, RuleEvaluator evaluator, FaultStats stats, FaultRecorder recorder,
                                      Clock clock) {
        this.cache = cache;
        this.evaluator = evaluator;
        this.stats = stats;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public Mono<DeliveryPlan> plan(CloudEvent event) {
        if (!EventTypes.OBJECT_CREATED.equals(event.getType()) && !EventTypes.OBJECT_REMOVED.equals(event.getType())
                && !EventTypes.OBJECT_CHANGED.equals(event.getType())) {
            return Mono.just(DeliveryPlan.NORMAL);
        }
        JsonNode record = EventJson.data(event).path("Records").path(0);
        S3Operation operation = operationOf(record.path("eventName").asText());
        if (operation == null) { // a lifecycle transition: no operation made it
            return Mono.just(DeliveryPlan.NORMAL);
        }
        var candidates = cache.engine().deliveryCandidates(operation);
        if (candidates.isEmpty()) {
            return Mono.just(DeliveryPlan.NORMAL);
        }
        RequestFacts facts = new RequestFacts(S3Call.of(request(event, record), operation), clock.millis(),
                record.path("s3").path("object").path("size").asLong(-1));
        return Flux.fromIterable(candidates)
                .filter(rule -> rule.inScope(facts))
                .doOnNext(rule -> stats.matched(rule.id()))
                .concatMap(rule -> evaluator.decide(rule, facts).filter(Decision::fired))
                .reduce(DeliveryPlan.NORMAL, (plan, decision) -> apply(plan, decision, facts));
    }

    private DeliveryPlan apply(DeliveryPlan plan, Decision decision, RequestFacts facts) {
        CompiledRule rule = decision.rule();
        FaultAction action = rule.rule().action();
        return action.match(new FaultAction.Cases<>() {
            public DeliveryPlan httpError(FaultAction.HttpError e) {
                record(e, "attempt failed: " + e.status() + " " + e.code(), Map.of("status", e.status(), "code", e.code()));
                return plan.failing(e.status() + " " + e.code());
            }

            public DeliveryPlan delay(FaultAction.Delay d) {
                Duration wait = decision.sample(d.delay());
                record(d, "delivery delayed " + wait.toMillis() + "ms", Map.of("delay_ms", wait.toMillis()));
                return plan.delayed(wait);
            }

            public DeliveryPlan drop(FaultAction.Drop d) {
                record(d, "notification dropped", Map.of());
                return plan.dropped();
            }

            public DeliveryPlan duplicate(FaultAction.Duplicate d) {
                record(d, "notification sent " + d.copies() + " times", Map.of("copies", d.copies()));
                return plan.copied(d.copies());
            }

            // refused for notification-delivery rules when they are read
            public DeliveryPlan throttle(FaultAction.Throttle t) { return plan; }

            public DeliveryPlan bandwidth(FaultAction.Bandwidth b) { return plan; }

            public DeliveryPlan reset(FaultAction.Reset r) { return plan; }

            public DeliveryPlan timeout(FaultAction.Timeout t) { return plan; }

            public DeliveryPlan truncate(FaultAction.Truncate t) { return plan; }

            public DeliveryPlan corrupt(FaultAction.Corrupt c) { return plan; }

            public DeliveryPlan staleRead(FaultAction.StaleRead s) { return plan; }

            public DeliveryPlan slowFirstByte(FaultAction.SlowFirstByte s) { return plan; }

            public DeliveryPlan slice(FaultAction.Slice s) { return plan; }

            public DeliveryPlan down(FaultAction.Down d) { return plan; }

            public DeliveryPlan slowClose(FaultAction.SlowClose s) { return plan; }

            public DeliveryPlan uploadLatency(FaultAction.UploadLatency u) { return plan; }

            public DeliveryPlan refuseContinue(FaultAction.RefuseContinue r) { return plan; }

            public DeliveryPlan stall(FaultAction.Stall s) { return plan; }

            private void record(FaultAction a, String outcome, Map<String, Object> detail) {
                recorder.record(rule, a, Phase.BEFORE, facts, outcome, detail);
            }
        });
    }

    /** The operation whose change the event announces (its name without {@code s3:}); null for a lifecycle transition. */
    private static S3Operation operationOf(String eventName) {
        return switch ("s3:" + eventName) {
            case S3EventNames.OBJECT_CREATED_COPY -> S3Operation.COPY_OBJECT;
            case S3EventNames.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD -> S3Operation.COMPLETE_MULTIPART_UPLOAD;
            case S3EventNames.OBJECT_TAGGING_PUT -> S3Operation.PUT_OBJECT_TAGGING;
            case S3EventNames.OBJECT_TAGGING_DELETE -> S3Operation.DELETE_OBJECT_TAGGING;
            case S3EventNames.OBJECT_ACL_PUT -> S3Operation.PUT_OBJECT_ACL;
            case S3EventNames.OBJECT_RESTORE_POST, S3EventNames.OBJECT_RESTORE_COMPLETED -> S3Operation.RESTORE_OBJECT;
            default -> S3EventNames.isCreation("s3:" + eventName) ? S3Operation.PUT_OBJECT
                    : S3EventNames.isRemoval("s3:" + eventName) ? S3Operation.DELETE_OBJECT : null;
        };
    }

    /** The notification as a request: the bucket and key it is about, its attributes as ce-* headers. */
    private static S3Request request(CloudEvent event, JsonNode record) {
        String bucket = record.path("s3").path("bucket").path("name").asText(null);
        String key = event.getSubject() != null ? event.getSubject()
                : URLDecoder.decode(record.path("s3").path("object").path("key").asText(""), StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.set("ce-id", event.getId());
        headers.set("ce-type", event.getType());
        headers.set("ce-source", event.getSource().toString());
        event.getExtensionNames().forEach(name -> headers.set("ce-" + name, String.valueOf(event.getExtension(name))));
        return new S3Request(event.getId(), "POST", null, "/" + bucket + "/" + key, null, bucket, key,
                new LinkedMultiValueMap<>(), headers, Flux.empty(), null, Instant.now());
    }
}
