package dev.mocks3.faults.rule;

/** A rule document that cannot be accepted; {@code field} is the JSON path of the offending field. */
public final class InvalidRuleException extends RuntimeException {
    private final String field;

    public InvalidRuleException(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
