package dev.mocks3.faults.engine;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.rule.Condition;
import dev.mocks3.faults.rule.DelaySpec;
import dev.mocks3.faults.rule.FaultRule;

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
    private final double probability;
    private final Condition.RequestCount[] counts;
    private final long maxTriggers;
    private final long expiresAtMillis;
    private final RandomGenerator random;
    private final String counterPrefix;

    @SuppressWarnings("unchecked")
    CompiledRule(FaultRule rule, Long engineSeed) {
        this.rule = rule;
        EnumSet<S3Operation> ops = EnumSet.noneOf(S3Operation.class);
        ops.addAll(rule.service().operations());
        List<Predicate<RequestFacts>> cheap = new ArrayList<>();
        List<Condition.RequestCount> countList = new ArrayList<>();
        double p = 1.0;
        long max = 0;
        long expires = Long.MAX_VALUE;
        boolean sized = false;
        for (Condition c : rule.conditions()) {
            if (c instanceof Condition.Operation o) {
                ops.retainAll(o.operations());
            } else if (c instanceof Condition.Probability pr) {
                p *= pr.value();
            } else if (c instanceof Condition.RequestCount rc) {
                countList.add(rc);
            } else if (c instanceof Condition.MaxTriggers mt) {
                max = max == 0 ? mt.value() : Math.min(max, mt.value());
            } else if (c instanceof Condition.ExpiresAt ea) {
                expires = Math.min(expires, ea.value().toEpochMilli());
            } else {
                sized |= c instanceof Condition.ObjectSize;
                cheap.add(test(c));
            }
        }
        this.operations = ops;
        this.tests = cheap.toArray(new Predicate[0]);
        this.sizeDependent = sized;
        this.probability = p;
        this.counts = countList.toArray(new Condition.RequestCount[0]);
        this.maxTriggers = max;
        this.expiresAtMillis = expires;
        Long seed = rule.seed() != null ? rule.seed()
                : engineSeed != null ? engineSeed ^ (long) rule.id().hashCode() * 0x9E3779B97F4A7C15L : null;
        this.random = seed == null ? null : new SplittableRandom(seed);
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

    /** The conditions that need no counter and no random draw. */
    public boolean inScope(RequestFacts f) {
        if (f.nowMillis() >= expiresAtMillis) {
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

    /** A uniform draw in [0, 1): from the rule's seeded sequence when it has a seed. */
    public double nextDouble() {
        if (random == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        synchronized (random) {
            return random.nextDouble();
        }
    }

    public Duration sample(DelaySpec delay) {
        if (delay instanceof DelaySpec.Fixed fixed) {
            return fixed.duration();
        }
        if (random == null) {
            return delay.sample(ThreadLocalRandom.current());
        }
        synchronized (random) {
            return delay.sample(random);
        }
    }

    /** A random long for actions that pick positions (corrupt). */
    public long nextLong(long bound) {
        if (random == null) {
            return ThreadLocalRandom.current().nextLong(bound);
        }
        synchronized (random) {
            return random.nextLong(bound);
        }
    }

    private static Predicate<RequestFacts> test(Condition c) {
        if (c instanceof Condition.Bucket b) {
            Predicate<String> m = TextMatcher.compile(b.match());
            return f -> m.test(f.bucket());
        } else if (c instanceof Condition.Key k) {
            Predicate<String> m = TextMatcher.compile(k.match());
            return f -> m.test(f.key());
        } else if (c instanceof Condition.Method m) {
            Set<String> methods = Set.copyOf(m.methods());
            return f -> methods.contains(f.method());
        } else if (c instanceof Condition.Header h) {
            Predicate<String> m = TextMatcher.compile(h.match());
            String name = h.name();
            return f -> m.test(f.header(name));
        } else if (c instanceof Condition.Query q) {
            Predicate<String> m = TextMatcher.compile(q.match());
            String name = q.name();
            return f -> m.test(f.queryParam(name));
        } else if (c instanceof Condition.SourceAddress s) {
            Cidr[] blocks = s.cidrs().stream().map(Cidr::parse).toArray(Cidr[]::new);
            return f -> {
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
            };
        } else if (c instanceof Condition.AccessKey a) {
            Set<String> keys = Set.copyOf(a.keys());
            return f -> f.accessKey() != null && keys.contains(f.accessKey());
        } else if (c instanceof Condition.Region r) {
            Set<String> regions = Set.copyOf(r.regions());
            return f -> f.region() != null && regions.contains(f.region());
        } else if (c instanceof Condition.ObjectSize s) {
            long min = s.min() == null ? Long.MIN_VALUE : s.min();
            long max = s.max() == null ? Long.MAX_VALUE : s.max();
            return f -> f.size() >= 0 && f.size() >= min && f.size() <= max;
        } else if (c instanceof Condition.PartNumber p) {
            int min = p.min() == null ? 1 : p.min();
            int max = p.max() == null ? Integer.MAX_VALUE : p.max();
            return f -> {
                int n = f.partNumber();
                return n >= min && n <= max;
            };
        } else if (c instanceof Condition.TimeWindow t) {
            long from = t.from() == null ? Long.MIN_VALUE : t.from().toEpochMilli();
            long until = t.until() == null ? Long.MAX_VALUE : t.until().toEpochMilli();
            LocalTime dailyFrom = t.dailyFrom();
            LocalTime dailyUntil = t.dailyUntil();
            return f -> {
                long now = f.nowMillis();
                if (now < from || now >= until) {
                    return false;
                }
                if (dailyFrom == null) {
                    return true;
                }
                LocalTime time = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), t.zone()).toLocalTime();
                return dailyFrom.isBefore(dailyUntil)
                        ? !time.isBefore(dailyFrom) && time.isBefore(dailyUntil)
                        : !time.isBefore(dailyFrom) || time.isBefore(dailyUntil); // wraps midnight
            };
        }
        throw new IllegalArgumentException("not a scope condition: " + c.type());
    }
}
