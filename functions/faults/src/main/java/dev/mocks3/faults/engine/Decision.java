package dev.mocks3.faults.engine;

import java.time.Duration;
import java.util.SplittableRandom;

import dev.mocks3.faults.rule.DelaySpec;

/**
 * One rule's decision on one request: whether it fires, the draw that decided it, and the random
 * source its action samples from (delays, corrupted offsets). Everything random comes from
 * {@code seed}: for a seeded rule a hash of the request and the rule's seed, so the decision does not
 * depend on which requests came before; recorded and replayed, the seed gives the same action again.
 *
 * @param draw    the uniform draw in [0, 1) compared with the probability; NaN when no draw was made
 *                (a request-count condition failed first)
 * @param attempt how many times (1, 2, ...) this request (operation, bucket, key, part) reached the
 *                rule in the current run; 0 when not counted (an unseeded rule, nothing recorded)
 */
public record Decision(CompiledRule rule, boolean fired, double draw, long seed, long attempt, SplittableRandom random) {

    /** Draws from the seed: fires when the draw is below the probability {@code p}. */
    static Decision drawn(CompiledRule rule, double p, long seed, long attempt) {
        SplittableRandom random = new SplittableRandom(seed);
        double draw = random.nextDouble();
        return new Decision(rule, draw < p, draw, seed, attempt, random);
    }

    /** As recorded: fired or not, and the action's random source from the recorded seed. */
    static Decision replayed(CompiledRule rule, boolean fired, long seed, long attempt) {
        SplittableRandom random = new SplittableRandom(seed);
        double draw = random.nextDouble();
        return new Decision(rule, fired, draw, seed, attempt, random);
    }

    /** A decision whose action never runs: made before any draw. */
    static Decision missBeforeDraw(CompiledRule rule, long attempt) {
        return new Decision(rule, false, Double.NaN, 0, attempt, null);
    }

    /** A decision taken outside the engine (a fault asked for by header): fires, with a fresh seed. */
    public static Decision forced(CompiledRule rule, long seed) {
        return replayed(rule, true, seed, 0);
    }

    public Decision withFired(boolean on) {
        return new Decision(rule, on, draw, seed, attempt, random);
    }

    public Duration sample(DelaySpec delay) {
        if (delay instanceof DelaySpec.Fixed fixed) {
            return fixed.duration();
        }
        synchronized (random) {
            return delay.sample(random);
        }
    }

    public long nextLong(long bound) {
        synchronized (random) {
            return random.nextLong(bound);
        }
    }
}
