package dev.mocks3.faults.engine;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.rule.Condition;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.ServiceStage;
import dev.mocks3.faults.rule.TextMatch;

/**
 * A rule made ready to test requests fast: patterns and CIDR blocks parsed once, the operations it
 * can apply to worked out, the conditions split into the cheap ones (tested on every request) and
 * the ones that need counters or random draws (tested only when the cheap ones hold).
 */
public final class CompiledRule {
    private final FaultRule rule;
    private final Set<S3Operation> operations;
    private final Predicate<RequestFacts>[] tests;
    private final boolean sizeDependent;
    private final boolean readThroughOnly;
    private final double probability;
    private final Condition.RequestCount[] counts;
    private final long maxTriggers;
    private final long expiresAtMillis;
    private final Long seed;
    private final String counterPrefix;

    @SuppressWarnings("unchecked")
    CompiledRule(FaultRule rule, Long engineSeed) {
        this.rule = rule;
        Scope scope = new Scope(rule.service().operations());
        rule.conditions().forEach(c -> c.match(scope));
        this.operations = scope.operations;
        this.tests = scope.tests.toArray(new Predicate[0]);
        this.sizeDependent = scope.sizeDependent;
        this.readThroughOnly = rule.service() == ServiceStage.THIRD_PARTY;
        this.probability = scope.probability;
        this.counts = scope.counts.toArray(new Condition.RequestCount[0]);
        this.maxTriggers = scope.maxTriggers;
        this.expiresAtMillis = scope.expiresAtMillis;
        Long seed = rule.seed() != null ? rule.seed()
                : engineSeed != null ? engineSeed ^ (long) rule.id().hashCode() * 0x9E3779B97F4A7C15L : null;
        this.seed = seed;
        this.counterPrefix = rule.id() + ":" + rule.version();
    }

    /** A rule compiled outside any snapshot: the fault asked for by a request header. */
    public static CompiledRule standalone(FaultRule rule) {
        return new CompiledRule(rule, null);
    }

    public FaultRule rule() {
        return rule;
    }

    public String id() {
        return rule.id();
    }

    Set<S3Operation> operations() {
        return operations;
    }

    /** Has an object-size condition: it can only be tested once the size is known. */
    public boolean sizeDependent() {
        return sizeDependent;
    }

    /**
     * Acts only on answers read through from a bucket's upstream ({@code third-party-service}): it can
     * only be tested once the answer is known.
     */
    public boolean readThroughOnly() {
        return readThroughOnly;
    }

    /** Decided after the operation: it needs the answer (its size, or where it came from). */
    public boolean decidedAfter(RequestFacts f) {
        return readThroughOnly || (sizeDependent && f.size() < 0);
    }

    /** The conditions that need no counter and no random draw. */
    public boolean inScope(RequestFacts f) {
        if (f.nowMillis() >= expiresAtMillis || (readThroughOnly && !f.readThrough())) {
            return false;
        }
        for (Predicate<RequestFacts> t : tests) {
            if (!t.test(f)) {
                return false;
            }
        }
        return true;
    }

    public Condition.RequestCount[] counts() {
        return counts;
    }

    public double probability() {
        return probability;
    }

    public long maxTriggers() {
        return maxTriggers;
    }

    /** Counter name for a request-count condition: per rule, or per rule and bucket/key. */
    public String countCounter(Condition.RequestCount c, RequestFacts f) {
        return c.per() == Condition.CountScope.KEY ? counterPrefix + ":count:" + f.counterKey() : counterPrefix + ":count";
    }

    public String triggerCounter() {
        return counterPrefix + ":triggers";
    }

    public static boolean countHolds(Condition.RequestCount c, long n) {
        return (c.first() == null || n <= c.first())
                && (c.every() == null || n % c.every() == 0)
                && (c.after() == null || n > c.after());
    }

    /** The rule has a seed (its own or the engine's): its decisions are a function of the request. */
    public boolean seeded() {
        return seed != null;
    }

    /**
     * The seed of this rule's decision on one request: for a seeded rule a hash of the rule's seed (its
     * own, or the engine's mixed with the rule id), the request (operation, bucket, key, part number) and
     * the attempt; else a fresh random one. A rule re-created with the same seed decides the same way.
     */
    public long requestSeed(RequestFacts f, long attempt) {
        if (seed == null) {
            return ThreadLocalRandom.current().nextLong();
        }
        long h = RequestHash.start(seed);
        h = RequestHash.add(h, f.identity());
        h = RequestHash.add(h, attempt);
        return RequestHash.finish(h);
    }

    /** Counter of the attempts at one request (operation, bucket, key, part) within a run. */
    public String attemptCounter(RequestFacts f, String run) {
        return counterPrefix + ":attempt:" + run + ":" + f.identity();
    }

    /**
     * Sorts each condition into what it is tested as: a narrower operation set, a probability, a
     * counter, a trigger limit, an expiry, or a cheap predicate on the request.
     */
    private static final class Scope implements Condition.Cases<Void> {
        final EnumSet<S3Operation> operations = EnumSet.noneOf(S3Operation.class);
        final List<Predicate<RequestFacts>> tests = new ArrayList<>();
        final List<Condition.RequestCount> counts = new ArrayList<>();
        double probability = 1.0;
        long maxTriggers;
        long expiresAtMillis = Long.MAX_VALUE;
        boolean sizeDependent;

        Scope(Set<S3Operation> serviceOperations) {
            operations.addAll(serviceOperations);
        }

        private Void test(Predicate<RequestFacts> test) {
            tests.add(test);
            return null;
        }

        @Override
        public Void probability(Condition.Probability c) {
            probability *= c.value();
            return null;
        }

        @Override
        public Void operation(Condition.Operation c) {
            operations.retainAll(c.operations());
            return null;
        }

        @Override
        public Void requestCount(Condition.RequestCount c) {
            counts.add(c);
            return null;
        }

        @Override
        public Void maxTriggers(Condition.MaxTriggers c) {
            maxTriggers = maxTriggers == 0 ? c.value() : Math.min(maxTriggers, c.value());
            return null;
        }

        @Override
        public Void expiresAt(Condition.ExpiresAt c) {
            expiresAtMillis = Math.min(expiresAtMillis, c.value().toEpochMilli());
            return null;
        }

        /** A text of the request compared with a match compiled once. */
        private Void text(TextMatch match, Function<RequestFacts, String> text) {
            Predicate<String> m = TextMatcher.compile(match);
            return test(f -> m.test(text.apply(f)));
        }

        @Override
        public Void bucket(Condition.Bucket c) {
            return text(c.match(), RequestFacts::bucket);
        }

        @Override
        public Void key(Condition.Key c) {
            return text(c.match(), RequestFacts::key);
        }

        @Override
        public Void method(Condition.Method c) {
            Set<String> methods = Set.copyOf(c.methods());
            return test(f -> methods.contains(f.method()));
        }

        @Override
        public Void header(Condition.Header c) {
            String name = c.name();
            return text(c.match(), f -> f.header(name));
        }

        @Override
        public Void query(Condition.Query c) {
            String name = c.name();
            return text(c.match(), f -> f.queryParam(name));
        }

        @Override
        public Void sourceAddress(Condition.SourceAddress c) {
            Cidr[] blocks = c.cidrs().stream().map(Cidr::parse).toArray(Cidr[]::new);
            return test(f -> {
                InetAddress a = f.remoteAddress();
                if (a == null) {
                    return false;
                }
                for (Cidr block : blocks) {
                    if (block.contains(a)) {
                        return true;
                    }
                }
                return false;
            });
        }

        @Override
        public Void accessKey(Condition.AccessKey c) {
            Set<String> keys = Set.copyOf(c.keys());
            return test(f -> f.accessKey() != null && keys.contains(f.accessKey()));
        }

        @Override
        public Void region(Condition.Region c) {
            Set<String> regions = Set.copyOf(c.regions());
            return test(f -> f.region() != null && regions.contains(f.region()));
        }

        @Override
        public Void objectSize(Condition.ObjectSize c) {
            long min = c.min() == null ? Long.MIN_VALUE : c.min();
            long max = c.max() == null ? Long.MAX_VALUE : c.max();
            sizeDependent = true;
            return test(f -> f.size() >= 0 && f.size() >= min && f.size() <= max);
        }

        @Override
        public Void partNumber(Condition.PartNumber c) {
            int min = c.min() == null ? 1 : c.min();
            int max = c.max() == null ? Integer.MAX_VALUE : c.max();
            return test(f -> {
                int n = f.partNumber();
                return n >= min && n <= max;
            });
        }

        @Override
        public Void timeWindow(Condition.TimeWindow c) {
            long from = c.from() == null ? Long.MIN_VALUE : c.from().toEpochMilli();
            long until = c.until() == null ? Long.MAX_VALUE : c.until().toEpochMilli();
            LocalTime dailyFrom = c.dailyFrom();
            LocalTime dailyUntil = c.dailyUntil();
            return test(f -> {
                long now = f.nowMillis();
                if (now < from || now >= until) {
                    return false;
                }
                if (dailyFrom == null) {
                    return true;
                }
                LocalTime time = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), c.zone()).toLocalTime();
                return dailyFrom.isBefore(dailyUntil)
                        ? !time.isBefore(dailyFrom) && time.isBefore(dailyUntil)
                        : !time.isBefore(dailyFrom) || time.isBefore(dailyUntil); // wraps midnight
            });
        }
    }
}
