package dev.mocks3.faults.store;

/**
 * Tells the other instances that the rules changed, so each reloads its cache: a Redis topic
 * shared by all instances, or nothing at all when there is one instance.
 */
public interface RuleChangeSignal {

    /** Tells the other instances; returns at once. */
    void broadcast(String ruleId);

    /** Runs the listener when another instance broadcasts. */
    void onChange(Runnable listener);

    RuleChangeSignal NONE = new RuleChangeSignal() {
        public void broadcast(String ruleId) {
        }

        public void onChange(Runnable listener) {
        }
    };
}
