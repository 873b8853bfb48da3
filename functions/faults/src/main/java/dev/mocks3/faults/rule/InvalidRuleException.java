package dev.mocks3.faults.rule;

/**
 * A rule document that cannot be accepted; {@code field} is the JSON path of the offending field.
 * Thrown inside a record with the field relative to the record; {@link RuleJson} prefixes the path.
 */
public final class InvalidRuleException extends RuntimeException {
    private final String field;
    private final String reason;

    public InvalidRuleException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field. */
    public String reason() {
        return reason;
    }
}
