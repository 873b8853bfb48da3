package dev.mocks3.faults.rule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A duration to wait: fixed, or drawn from a distribution (bounded at zero). In a rule document its
 * fields sit in the action: {@code "delay": "2s"}, or {@code "distribution"} with min/max or mean/stddev.
 */
public sealed interface DelaySpec {

    Duration sample(RandomGenerator random);

    /** The fields as written in the action; {@code fixedField} names the fixed duration. */
    Map<String, Object> fields(String fixedField);

    /** Reads the fields of an action; errors name them relative to the action. */
    static DelaySpec of(String fixedField, Duration fixed, String distribution, Duration min, Duration max,
                        Duration mean, Duration stddev) {
        if (distribution == null) {
            if (fixed != null) {
                return new Fixed(fixed);
            }
            if (min == null || max == null) {
                throw new InvalidRuleException(fixedField, "is required (e.g. \"2s\"), or give a distribution");
            }
            distribution = "uniform";
        }
        return switch (distribution.toLowerCase(Locale.ROOT)) {
            case "fixed" -> new Fixed(required(fixedField, fixed));
            case "uniform" -> {
                required("min", min);
                if (required("max", max).compareTo(min) < 0) {
                    throw new InvalidRuleException("max", "must not be below min");
                }
                yield new Uniform(min, max);
            }
            case "normal", "gaussian" -> new Normal(required("mean", mean), stddev != null ? stddev : Duration.ZERO);
            case "exponential" -> new Exponential(required("mean", mean));
            default -> throw new InvalidRuleException("distribution",
                    "unknown distribution '" + distribution + "' (fixed, uniform, normal, exponential)");
        };
    }

    private static Duration required(String field, Duration d) {
        if (d == null) {
            throw new InvalidRuleException(field, "is required (e.g. \"2s\", \"150ms\")");
        }
        return d;
    }

    private static Map<String, Object> written(String distribution, Object... namesAndDurations) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("distribution", distribution);
        for (int i = 0; i < namesAndDurations.length; i += 2) {
            out.put((String) namesAndDurations[i], Quantities.format((Duration) namesAndDurations[i + 1]));
        }
        return out;
    }

    record Fixed(Duration duration) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            return duration;
        }

        public Map<String, Object> fields(String fixedField) {
            return Map.of(fixedField, Quantities.format(duration));
        }
    }

    record Uniform(Duration min, Duration max) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            long lo = min.toNanos();
            long hi = max.toNanos();
            return Duration.ofNanos(hi <= lo ? lo : random.nextLong(lo, hi + 1));
        }

        public Map<String, Object> fields(String fixedField) {
            return DelaySpec.written("uniform", "min", min, "max", max);
        }
    }

    record Normal(Duration mean, Duration stddev) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            double nanos = random.nextGaussian(mean.toNanos(), stddev.toNanos());
            return Duration.ofNanos(Math.max(0L, Math.round(nanos)));
        }

        public Map<String, Object> fields(String fixedField) {
            return DelaySpec.written("normal", "mean", mean, "stddev", stddev);
        }
    }

    record Exponential(Duration mean) implements DelaySpec {
        public Duration sample(RandomGenerator random) {
            return Duration.ofNanos(Math.round(random.nextExponential() * mean.toNanos()));
        }

        public Map<String, Object> fields(String fixedField) {
            return DelaySpec.written("exponential", "mean", mean);
        }
    }
}
