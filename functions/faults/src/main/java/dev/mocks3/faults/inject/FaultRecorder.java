package dev.mocks3.faults.inject;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.events.EventJson;
import dev.mocks3.events.EventSources;
import dev.mocks3.events.EventTypes;
import dev.mocks3.events.delivery.EventPublisher;
import dev.mocks3.events.fault.FaultInjected;
import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.RequestFacts;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.faults.rule.Phase;
import dev.mocks3.faults.rule.ServiceStage;
import dev.mocks3.faults.store.FaultEventLog;
import dev.mocks3.faults.store.FaultStats;
import io.micrometer.tracing.Span;

/**
 * Records one injected fault: in the event log, in the stats, and as a
 * {@code dev.mocks3.fault.injected} CloudEvent. Off the request path: nothing here delays the client.
 */
public final class FaultRecorder {
    private static final Logger log = LoggerFactory.getLogger(FaultRecorder.class);
    private final FaultEventLog events;
    private final FaultStats stats;
    private final EventPublisher publisher;
    private final Clock clock;
    private final RequestTracing tracing;

    public FaultRecorder(FaultEventLog events, FaultStats stats, EventPublisher publisher, Clock clock) {
        this(events, stats, publisher, clock, RequestTracing.OFF);
    }

    /** With tracing on, the event carries the request's trace id and the request's trace a span naming the fault. */
    public FaultRecorder(FaultEventLog events, FaultStats stats, EventPublisher publisher, Clock clock, RequestTracing tracing) {
        this.tracing = tracing;
        this.events = events;
        this.stats = stats;
        this.publisher = publisher;
        this.clock = clock;
    }

    public FaultInjected record(CompiledRule rule, FaultAction action, Phase phase, RequestFacts facts,
                                String outcome, Map<String, Object> detail) {
        Span span = tracing.ofRequest(facts.request().requestId());
        if (span != null) {
            Map<String, Object> traced = new HashMap<>(detail);
            traced.put("trace_id", span.context().traceId());
            detail = traced;
            span.tag("mocks3.fault.action", action.type()).tag("mocks3.fault.rule", rule.id());
            tracing.mark(span, "fault " + action.type(), Map.of("mocks3.fault.rule", rule.id(),
                    "mocks3.fault.rule_name", String.valueOf(rule.rule().name()), "mocks3.fault.action", action.type(),
                    "mocks3.fault.phase", phase.id(), "mocks3.fault.outcome", outcome));
        }
        FaultInjected event = new FaultInjected(UUID.randomUUID().toString(), clock.instant(), rule.id(),
                rule.rule().name(), facts.request().requestId(),
                (rule.rule().service().seesRequests() ? ServiceStage.of(facts.operation()) : rule.rule().service()).id(),
                facts.operation().s3Name(), facts.bucket(), facts.key(), action.type(), phase.id(), outcome, detail,
                facts.uploadId(), facts.partNumber() < 0 ? null : facts.partNumber());
        stats.triggered(event);
        events.append(event).subscribe(v -> { }, e -> log.warn("fault event not logged: {}", e.toString()));
        publisher.publish(EventJson.event(EventTypes.FAULT_INJECTED, EventSources.FAULTS, facts.request().requestId(), event))
                .subscribe(v -> { }, e -> log.debug("fault event not published: {}", e.toString()));
        log.debug("fault {} ({}) on {} {}: {} request_id={} trace_id={}", rule.id(), action.type(), facts.operation().s3Name(),
                facts.request().resource(), outcome, facts.request().requestId(), span == null ? null : span.context().traceId());
        return event;
    }
}
