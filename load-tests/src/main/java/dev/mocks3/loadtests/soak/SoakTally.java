package dev.mocks3.loadtests.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what every soak request came to, and the first consistency violations seen. */
final class SoakTally {
    private static final int MAX_VIOLATIONS_KEPT = 50;

    enum Op { PUT, GET, DELETE, MULTIPART, ABANDONED_PUT, ABANDONED_GET }

    /**
     * ok: answered as asked; unavailable: 503 (the store said it cannot serve now); failed: any other
     * error answer; broken: no answer, the connection broke without our doing.
     */
    enum Outcome { OK, UNAVAILABLE, FAILED, BROKEN }

    private final Map<Op, Map<Outcome, LongAdder>> counts = new EnumMap<>(Op.class);
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final LongAdder violationCount = new LongAdder();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    SoakTally() {
        for (Op op : Op.values()) {
            Map<Outcome, LongAdder> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, new LongAdder());
            }
            counts.put(op, byOutcome);
        }
    }

    void count(Op op, Outcome outcome) {
        counts.get(op).get(outcome).increment();
    }

    /** An error answer that a healthy store should not give; the first few are kept for the report. */
    void failed(Op op, String detail) {
        count(op, Outcome.FAILED);
        if (failures.size() < MAX_VIOLATIONS_KEPT) {
            failures.add(op + ": " + detail);
        }
    }

    /** Why a connection broke, the first few kept for the report. */
    void brokenDetail(Op op, String detail) {
        if (failures.size() < MAX_VIOLATIONS_KEPT) {
            failures.add(op + " broke: " + detail);
        }
    }

    void violation(String detail) {
        violationCount.increment();
        if (violations.size() < MAX_VIOLATIONS_KEPT) {
            violations.add(detail);
        }
    }

    long violations() {
        return violationCount.sum();
    }

    long total(Outcome outcome) {
        return counts.values().stream().mapToLong(byOutcome -> byOutcome.get(outcome).sum()).sum();
    }

    void print(PrintStream out) {
        out.println("| operation | ok | unavailable (503) | failed | broken |");
        out.println("|---|---:|---:|---:|---:|");
        counts.forEach((op, byOutcome) -> out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n",
                op.name().toLowerCase(Locale.ROOT).replace('_', ' '), byOutcome.get(Outcome.OK).sum(),
                byOutcome.get(Outcome.UNAVAILABLE).sum(), byOutcome.get(Outcome.FAILED).sum(),
                byOutcome.get(Outcome.BROKEN).sum()));
        if (!failures.isEmpty()) {
            out.println();
            out.println("First failed answers and broken connections:");
            synchronized (failures) {
                failures.forEach(f -> out.println("  " + f));
            }
        }
        out.println();
        out.printf(Locale.ROOT, "consistency violations: %d%n", violations());
        synchronized (violations) {
            violations.forEach(v -> out.println("  " + v));
        }
    }
}
