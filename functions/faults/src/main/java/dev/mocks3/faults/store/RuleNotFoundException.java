package dev.mocks3.faults.store;

/** No rule has this id. */
public final class RuleNotFoundException extends RuntimeException {
    public RuleNotFoundException(String id) {
        super("no rule with id '" + id + "'", null, false, false);
    }
}
