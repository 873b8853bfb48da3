package dev.mocks3.faults.rule;

/**
 * When an action runs: {@code before} the operation (nothing is stored), or {@code after} it
 * (the write is committed, then the client sees the fault).
 */
public enum Phase {
    BEFORE, AFTER;

    public String id() {
        return name().toLowerCase();
    }

    /** The phase a document asked for, else the action's default. */
    static Phase or(Phase asked, Phase dflt) {
        return asked != null ? asked : dflt;
    }

    /** For actions that have one possible phase: accept it stated, refuse the other. */
    static void only(Phase only, Phase asked) {
        if (asked != null && asked != only) {
            throw new InvalidRuleException("phase", "this action only runs " + only.id() + " the operation");
        }
    }
}
