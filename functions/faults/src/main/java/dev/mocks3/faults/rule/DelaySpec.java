package dev.mocks3.faults.rule;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** A duration to wait: fixed, or drawn from a distribution (bounded at zero). */
public sealed interface DelaySpec {

    Duration sample(RandomGenerator random);

    record Fixed(Duration duration) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            return duration;
        }
    }

    record Uniform(Duration min, Duration max) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            long lo = min.toNanos();
            long hi = max.toNanos();
            return Duration.ofNanos(hi <= lo ? lo : random.nextLong(lo, hi + 1));
        }
    }

    record Normal(Duration mean, Duration stddev) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            double nanos = random.nextGaussian(mean.toNanos(), stddev.toNanos());
            return Duration.ofNanos(Math.max(0L, Math.round(nanos)));
        }
    }

    record Exponential(Duration mean) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            return Duration.ofNanos(Math.round(random.nextExponential() * mean.toNanos()));
        }
    }
}
