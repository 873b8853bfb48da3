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
}
