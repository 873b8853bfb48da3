package dev.mocks3.faults.inject;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    public FaultRecorder(FaultEventLog events, FaultStats stats, EventPublisher publisher, Clock clock) {
        this.events = events;
        this.stats = stats;
        this.publisher = publisher;
        this.clock = clock;
    }

    public FaultInjected record(CompiledRule rule, FaultAction action, Phase phase, RequestFacts facts,
                                String outcome, Map<String, Object> detail) {
        FaultInjected event = new FaultInjected(UUID.randomUUID().toString(), clock.instant(), rule.id(),
                rule.rule().name(), facts.request().requestId(),
                (rule.rule().service().seesRequests() ? ServiceStage.of(facts.operation()) : rule.rule().service()).id(),
                facts.operation().s3Name(), facts.bucket(), facts.key(), action.type(), phase.id(), outcome, detail);
        stats.triggered(event);
        events.append(event).subscribe(v -> { }, e -> log.warn("fault event not logged: {}", e.toString()));
        publisher.publish(EventJson.event(EventTypes.FAULT_INJECTED, EventSources.FAULTS, facts.request().requestId(), event))
                .subscribe(v -> { }, e -> log.debug("fault event not published: {}", e.toString()));
        log.debug("fault {} ({}) on {} {}: {}", rule.id(), action.type(), facts.operation().s3Name(),
                facts.request().resource(), outcome);
        return event;
    }
}
