package dev.mocks3.faults.inject;

import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.Decision;
import dev.mocks3.faults.rule.FaultAction;

/** An action decided before the operation, to be applied after it by faultRespond. */
record Pending(Decision decision, FaultAction action) {
    CompiledRule rule() {
        return decision.rule();
    }
}
