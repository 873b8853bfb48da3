package dev.mocks3.faults.engine;

/**
 * Where the evaluator tells every decision while a recording runs, and asks for the recorded one
 * while a replay runs. {@link #OFF} does neither: the decision path then costs nothing more.
 */
public interface DecisionJournal {
    DecisionJournal OFF = new DecisionJournal() {
        @Override
        public String run() {
            return "0";
        }

        @Override
        public boolean recording() {
            return false;
        }

        @Override
        public void record(Decision decision, RequestFacts facts) {
        }

        @Override
        public Replayed replayed(CompiledRule rule, RequestFacts facts, long attempt) {
            return Replayed.NONE;
        }

        @Override
        public boolean replaying() {
            return false;
        }
    };

    /** The current run (recording or replay): attempts are counted per run, from 1. */
    String run();

    boolean recording();

    boolean replaying();

    /** Keeps a decision of the recording that runs. */
    void record(Decision decision, RequestFacts facts);

    /** While replaying: the recorded decision for this rule and request, or {@link Replayed#NONE}. */
    Replayed replayed(CompiledRule rule, RequestFacts facts, long attempt);

    /** A decision as recorded: fired or not, and the seed its action drew from. */
    record Replayed(boolean fired, long seed) {
        public static final Replayed NONE = new Replayed(false, 0);
    }
}
