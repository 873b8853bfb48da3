package dev.mocks3.faults.store;

/** A rule with this id already exists (POST with an id that is taken). */
public final class RuleConflictException extends RuntimeException {
    public RuleConflictException(String id) {
        super("a rule with id '" + id + "' already exists; PUT /api/v1/rules/" + id + " replaces it", null, false, false);
    }
}
