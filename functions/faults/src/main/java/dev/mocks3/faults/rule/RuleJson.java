package dev.mocks3.faults.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.engine.Cidr;
import dev.mocks3.faults.rule.Condition.CountScope;
import dev.mocks3.faults.rule.FaultAction.CorruptTarget;
import dev.mocks3.faults.rule.FaultAction.ThrottleScope;

/**
 * The rule document: JSON in, {@link FaultRule} out, with every field checked and errors naming
 * the field ({@code conditions[0].value}). Names are snake_case as in the seed document.
 */
public final class RuleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> RULE_FIELDS = Set.of("id", "name", "description", "service", "enabled",
            "priority", "conditions", "action", "seed", "labels", "max_triggers", "expires_at",
            // read-only fields, accepted so that a GET document can be PUT back
            "version", "created_at", "updated_at", "stats");

    private RuleJson() {
    }

    // ---------------------------------------------------------------- reading

    /** A rule from its document; {@code id} may be absent (the store assigns one). */
    public static FaultRule read(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new InvalidRuleException("$", "a rule must be a JSON object");
        }
        doc.fieldNames().forEachRemaining(name -> {
            if (!RULE_FIELDS.contains(name)) {
                throw new InvalidRuleException(name, "unknown field (expected one of " + String.join(", ",
                        new java.util.TreeSet<>(RULE_FIELDS)) + ")");
            }
        });
        String id = optText(doc, "id", "id");
        if (id != null && !id.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new InvalidRuleException("id", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        String name = optText(doc, "name", "name");
        if (name == null || name.isBlank()) {
            throw new InvalidRuleException("name", "is required");
        }
        String description = optText(doc, "description", "description");
        ServiceStage service = ServiceStage.GATEWAY;
        String serviceText = optText(doc, "service", "service");
        if (serviceText != null) {
            service = ServiceStage.byId(serviceText).orElseThrow(() -> new InvalidRuleException("service",
                    "unknown service '" + serviceText + "' (gateway, metadata-service, storage-service, queue-service, third-party-service)"));
        }
        boolean enabled = optBool(doc, "enabled", "enabled", true);
        int priority = optLong(doc, "priority", "priority", 0L).intValue();
        Long seed = doc.hasNonNull("seed") ? optLong(doc, "seed", "seed", null) : null;
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode labelsNode = doc.get("labels");
        if (labelsNode != null && !labelsNode.isNull()) {
            if (!labelsNode.isObject()) {
                throw new InvalidRuleException("labels", "must be an object of strings");
            }
            labelsNode.fields().forEachRemaining(e -> {
                if (!e.getValue().isValueNode()) {
                    throw new InvalidRuleException("labels." + e.getKey(), "must be a string");
                }
                labels.put(e.getKey(), e.getValue().asText());
            });
        }
        List<Condition> conditions = new ArrayList<>();
        JsonNode conditionsNode = doc.get("conditions");
        if (conditionsNode != null && !conditionsNode.isNull()) {
            if (!conditionsNode.isArray()) {
                throw new InvalidRuleException("conditions", "must be an array");
            }
            for (int i = 0; i < conditionsNode.size(); i++) {
                conditions.add(condition(conditionsNode.get(i), "conditions[" + i + "]"));
            }
        }
        if (doc.hasNonNull("max_triggers")) {
            conditions.add(new Condition.MaxTriggers(positive(doc.get("max_triggers"), "max_triggers")));
        }
        if (doc.hasNonNull("expires_at")) {
            conditions.add(new Condition.ExpiresAt(instant(doc.get("expires_at"), "expires_at")));
        }
        JsonNode actionNode = doc.get("action");
        if (actionNode == null || actionNode.isNull()) {
            throw new InvalidRuleException("action", "is required");
        }
        FaultAction action = action(actionNode, "action");
        return new FaultRule(id, name.trim(), description, service, enabled, priority, conditions, action, seed,
                labels, 0, null, null);
    }

    /** An action on its own (the {@code x-mocks3-fault} header uses this). */
    public static FaultAction action(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidRuleException(path, "must be an object with a \"type\"");
        }
        String type = requiredText(node, "type", path + ".type").toLowerCase(Locale.ROOT);
        Fields f = new Fields(node, path);
        FaultAction action = switch (type) {
            case "http_error", "error" -> {
                int status = (int) f.longOr(1, "http_code", "status", "status_code");
                if (status < 300 || status > 599) {
                    throw new InvalidRuleException(f.pathOf("http_code", "status", "status_code"),
                            "must be an HTTP error status between 300 and 599");
                }
                String code = f.text("error_code", "code");
                String message = f.text("message");
                yield new FaultAction.HttpError(status, code != null ? code : defaultCode(status),
                        message != null ? message : defaultMessage(status), f.phase(Phase.BEFORE));
            }
            case "delay", "latency" -> new FaultAction.Delay(delaySpec(f, "delay"), f.phase(Phase.BEFORE));
            case "throttle" -> {
                long rate = f.longRequired("rate");
                if (rate < 1) {
                    throw new InvalidRuleException(f.pathOf("rate"), "must be at least 1 request per interval");
                }
                Duration interval = f.durationOr(Duration.ofSeconds(1), "interval");
                if (interval.isZero() || interval.isNegative()) {
                    throw new InvalidRuleException(f.pathOf("interval"), "must be positive");
                }
                ThrottleScope per = f.enumOr(ThrottleScope.RULE, ThrottleScope.class, "per");
                int depth = (int) f.longOr(1, "prefix_depth");
                int status = (int) f.longOr(503, "http_code", "status");
                String code = f.text("error_code", "code");
                String message = f.text("message");
                f.rejectPhase(Phase.BEFORE);
                yield new FaultAction.Throttle(rate, interval, per, Math.max(1, depth), status,
                        code != null ? code : "SlowDown", message != null ? message : S3Error.SLOW_DOWN.defaultMessage());
            }
            case "bandwidth" -> {
                long bps = f.bytesRequired("bytes_per_second", "rate");
                if (bps < 1) {
                    throw new InvalidRuleException(f.pathOf("bytes_per_second", "rate"), "must be at least 1 byte per second");
                }
                yield new FaultAction.Bandwidth(bps, f.phase(Phase.AFTER));
            }
            case "reset" -> {
                Long after = f.has("after_bytes") ? f.bytesRequired("after_bytes") : null;
                yield new FaultAction.Reset(after, f.phase(after == null ? Phase.BEFORE : Phase.AFTER));
            }
            case "timeout" -> new FaultAction.Timeout(f.durationOr(Duration.ofSeconds(30), "after", "duration"),
                    f.phase(Phase.BEFORE));
            case "truncate" -> {
                Long keep = f.has("keep_bytes") ? f.bytesRequired("keep_bytes") : null;
                Double ratio = f.has("ratio") ? f.doubleRequired("ratio") : null;
                if (ratio != null && (ratio < 0 || ratio >= 1)) {
                    throw new InvalidRuleException(f.pathOf("ratio"), "must be at least 0 and below 1");
                }
                if (keep == null && ratio == null) {
                    ratio = 0.5;
                }
                f.rejectPhase(Phase.AFTER);
                yield new FaultAction.Truncate(keep, ratio);
            }
            case "corrupt" -> {
                CorruptTarget target = f.enumOr(CorruptTarget.BODY, CorruptTarget.class, "target");
                int bytes = (int) f.longOr(1, "bytes");
                if (bytes < 1) {
                    throw new InvalidRuleException(f.pathOf("bytes"), "must be at least 1");
                }
                Long offset = f.has("offset") ? f.bytesRequired("offset") : null;
                Phase phase = f.phase(Phase.AFTER);
                if (target == CorruptTarget.ETAG && phase == Phase.BEFORE) {
                    throw new InvalidRuleException(f.pathOf("phase"), "a wrong ETag can only be answered after the operation");
                }
                yield new FaultAction.Corrupt(target, bytes, offset, phase);
            }
            case "stale_read" -> {
                Duration window = f.durationOr(Duration.ofSeconds(5), "window", "duration");
                f.rejectPhase(Phase.AFTER);
                yield new FaultAction.StaleRead(window);
            }
            case "slow_first_byte" -> {
                f.rejectPhase(Phase.AFTER);
                yield new FaultAction.SlowFirstByte(delaySpec(f, "delay"));
            }
            case "slice" -> {
                long chunk = f.bytesOr(1024, "chunk_size");
                if (chunk < 1 || chunk > Integer.MAX_VALUE) {
                    throw new InvalidRuleException(f.pathOf("chunk_size"), "must be between 1 byte and 2 GiB");
                }
                yield new FaultAction.Slice((int) chunk, f.durationOr(Duration.ofMillis(100), "pause"),
                        f.phase(Phase.AFTER));
            }
            default -> throw new InvalidRuleException(path + ".type", "unknown action '" + type
                    + "' (http_error, delay, throttle, bandwidth, reset, timeout, truncate, corrupt, stale_read, slow_first_byte, slice)");
        };
        f.rejectUnused();
        return action;
    }

    private static DelaySpec delaySpec(Fields f, String fixedField) {
        String distribution = f.text("distribution");
        if (distribution == null) {
            if (f.has(fixedField)) {
                return new DelaySpec.Fixed(f.durationOr(null, fixedField));
            }
            if (f.has("min") && f.has("max")) {
                distribution = "uniform";
            } else {
                throw new InvalidRuleException(f.pathOf(fixedField), "is required (e.g. \"2s\"), or give a distribution");
            }
        }
        return switch (distribution.toLowerCase(Locale.ROOT)) {
            case "fixed" -> new DelaySpec.Fixed(f.durationRequired(fixedField));
            case "uniform" -> {
                Duration min = f.durationRequired("min");
                Duration max = f.durationRequired("max");
                if (max.compareTo(min) < 0) {
                    throw new InvalidRuleException(f.pathOf("max"), "must not be below min");
                }
                yield new DelaySpec.Uniform(min, max);
            }
            case "normal", "gaussian" -> new DelaySpec.Normal(f.durationRequired("mean"),
                    f.durationOr(Duration.ZERO, "stddev"));
            case "exponential" -> new DelaySpec.Exponential(f.durationRequired("mean"));
            default -> throw new InvalidRuleException(f.pathOf("distribution"),
                    "unknown distribution '" + distribution + "' (fixed, uniform, normal, exponential)");
        };
    }

    static Condition condition(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidRuleException(path, "must be an object with a \"type\"");
        }
        String type = requiredText(node, "type", path + ".type").toLowerCase(Locale.ROOT);
        Fields f = new Fields(node, path);
        Condition condition = switch (type) {
            case "probability" -> {
                double p = f.doubleRequired("value", "probability");
                if (!(p >= 0 && p <= 1)) {
                    throw new InvalidRuleException(f.pathOf("value", "probability"), "must be between 0 and 1");
                }
                yield new Condition.Probability(p);
            }
            case "operation", "operations" -> {
                Set<S3Operation> ops = new LinkedHashSet<>();
                for (String name : f.texts("value", "operations")) {
                    ops.add(S3Operation.byS3Name(name).orElseThrow(() -> new InvalidRuleException(
                            f.pathOf("value", "operations"), "unknown S3 operation '" + name + "'")));
                }
                yield new Condition.Operation(ops);
            }
            case "bucket" -> new Condition.Bucket(textMatch(f, false));
            case "key", "object_key" -> new Condition.Key(textMatch(f, false));
            case "method" -> {
                Set<String> methods = new LinkedHashSet<>();
                for (String m : f.texts("value", "methods")) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                }
                yield new Condition.Method(methods);
            }
            case "header" -> new Condition.Header(f.requiredText("name").toLowerCase(Locale.ROOT), textMatch(f, true));
            case "query" -> new Condition.Query(f.requiredText("name"), textMatch(f, true));
            case "source_ip", "source_address", "cidr" -> {
                List<String> cidrs = f.texts("value", "cidrs");
                for (String c : cidrs) {
                    try {
                        Cidr.parse(c);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidRuleException(f.pathOf("value", "cidrs"), e.getMessage());
                    }
                }
                yield new Condition.SourceAddress(cidrs);
            }
            case "access_key" -> new Condition.AccessKey(new LinkedHashSet<>(f.texts("value", "keys")));
            case "region" -> new Condition.Region(new LinkedHashSet<>(f.texts("value", "regions")));
            case "object_size", "size" -> {
                Long min = f.has("min") ? f.bytesRequired("min") : null;
                Long max = f.has("max") ? f.bytesRequired("max") : null;
                if (min == null && max == null) {
                    throw new InvalidRuleException(f.pathOf("min"), "give min and/or max (bytes, e.g. \"5MiB\")");
                }
                if (min != null && max != null && max < min) {
                    throw new InvalidRuleException(f.pathOf("max"), "must not be below min");
                }
                yield new Condition.ObjectSize(min, max);
            }
            case "part_number" -> {
                if (f.has("value")) {
                    int n = (int) f.longRequired("value");
                    yield new Condition.PartNumber(n, n);
                }
                Integer min = f.has("min") ? (int) f.longRequired("min") : null;
                Integer max = f.has("max") ? (int) f.longRequired("max") : null;
                if (min == null && max == null) {
                    throw new InvalidRuleException(f.pathOf("value"), "give value, or min and/or max");
                }
                yield new Condition.PartNumber(min, max);
            }
            case "time_window" -> {
                Instant from = f.has("from") ? instant(f.take("from"), f.pathOf("from")) : null;
                Instant until = f.has("until") ? instant(f.take("until"), f.pathOf("until")) : null;
                LocalTime dailyFrom = f.has("daily_from") ? localTime(f.take("daily_from"), f.pathOf("daily_from")) : null;
                LocalTime dailyUntil = f.has("daily_until") ? localTime(f.take("daily_until"), f.pathOf("daily_until")) : null;
                if ((dailyFrom == null) != (dailyUntil == null)) {
                    throw new InvalidRuleException(f.pathOf(dailyFrom == null ? "daily_from" : "daily_until"),
                            "a daily window needs both daily_from and daily_until");
                }
                if (from == null && until == null && dailyFrom == null) {
                    throw new InvalidRuleException(f.pathOf("from"), "give from/until and/or daily_from/daily_until");
                }
                ZoneId zone = ZoneOffset.UTC;
                String zoneText = f.text("zone", "time_zone");
                if (zoneText != null) {
                    try {
                        zone = ZoneId.of(zoneText);
                    } catch (RuntimeException e) {
                        throw new InvalidRuleException(f.pathOf("zone", "time_zone"), "unknown time zone '" + zoneText + "'");
                    }
                }
                yield new Condition.TimeWindow(from, until, dailyFrom, dailyUntil, zone);
            }
            case "request_count", "count" -> {
                Long first = f.has("first") ? positive(f.take("first"), f.pathOf("first")) : null;
                Long every = f.has("every") ? positive(f.take("every"), f.pathOf("every")) : null;
                Long after = f.has("after") ? nonNegative(f.take("after"), f.pathOf("after")) : null;
                if (first == null && every == null && after == null) {
                    throw new InvalidRuleException(f.pathOf("first"), "give first, every and/or after");
                }
                yield new Condition.RequestCount(first, every, after, f.enumOr(CountScope.RULE, CountScope.class, "per"));
            }
            case "max_triggers" -> new Condition.MaxTriggers(positive(f.take("value"), f.pathOf("value")));
            case "expires_at", "expiry" -> new Condition.ExpiresAt(instant(f.take("value"), f.pathOf("value")));
            default -> throw new InvalidRuleException(path + ".type", "unknown condition '" + type
                    + "' (probability, operation, bucket, key, method, header, query, source_ip, access_key, region, "
                    + "object_size, part_number, time_window, request_count, max_triggers, expires_at)");
        };
        f.rejectUnused();
        return condition;
    }

    private static TextMatch textMatch(Fields f, boolean allowPresence) {
        List<TextMatch> found = new ArrayList<>();
        for (String field : List.of("value", "equals", "prefix", "suffix", "glob", "regex")) {
            if (f.has(field)) {
                String v = f.requiredText(field);
                TextMatch.Mode mode = switch (field) {
                    case "prefix" -> TextMatch.Mode.PREFIX;
                    case "suffix" -> TextMatch.Mode.SUFFIX;
                    case "glob" -> TextMatch.Mode.GLOB;
                    case "regex" -> TextMatch.Mode.REGEX;
                    default -> TextMatch.Mode.EQUALS;
                };
                if (mode == TextMatch.Mode.REGEX) {
                    try {
                        Pattern.compile(v);
                    } catch (PatternSyntaxException e) {
                        throw new InvalidRuleException(f.pathOf(field), "not a regular expression: " + e.getDescription());
                    }
                }
                found.add(new TextMatch(mode, v));
            }
        }
        if (allowPresence && f.has("present")) {
            found.add(new TextMatch(f.boolRequired("present") ? TextMatch.Mode.PRESENT : TextMatch.Mode.ABSENT, null));
        }
        if (found.isEmpty()) {
            if (allowPresence) {
                return TextMatch.present();
            }
            throw new InvalidRuleException(f.pathOf("value"), "give one of value, prefix, suffix, glob, regex");
        }
        if (found.size() > 1) {
            throw new InvalidRuleException(f.path, "give only one of value, prefix, suffix, glob, regex"
                    + (allowPresence ? ", present" : ""));
        }
        return found.get(0);
    }

    // ---------------------------------------------------------------- writing

    public static ObjectNode write(FaultRule rule) {
        ObjectNode doc = NODES.objectNode();
        if (rule.id() != null) {
            doc.put("id", rule.id());
        }
        doc.put("name", rule.name());
        if (rule.description() != null) {
            doc.put("description", rule.description());
        }
        doc.put("service", rule.service().id());
        doc.put("enabled", rule.enabled());
        doc.put("priority", rule.priority());
        if (rule.seed() != null) {
            doc.put("seed", rule.seed());
        }
        if (!rule.labels().isEmpty()) {
            ObjectNode labels = doc.putObject("labels");
            rule.labels().forEach(labels::put);
        }
        ArrayNode conditions = doc.putArray("conditions");
        rule.conditions().forEach(c -> conditions.add(write(c)));
        doc.set("action", write(rule.action()));
        doc.put("version", rule.version());
        if (rule.createdAt() != null) {
            doc.put("created_at", rule.createdAt().toString());
        }
        if (rule.updatedAt() != null) {
            doc.put("updated_at", rule.updatedAt().toString());
        }
        return doc;
    }

    public static ObjectNode write(Condition condition) {
        ObjectNode n = NODES.objectNode();
        n.put("type", condition.type());
        if (condition instanceof Condition.Probability p) {
            n.put("value", p.value());
        } else if (condition instanceof Condition.Operation o) {
            strings(n, o.operations().stream().map(S3Operation::s3Name).toList());
        } else if (condition instanceof Condition.Bucket b) {
            writeMatch(n, b.match());
        } else if (condition instanceof Condition.Key k) {
            writeMatch(n, k.match());
        } else if (condition instanceof Condition.Method m) {
            strings(n, List.copyOf(m.methods()));
        } else if (condition instanceof Condition.Header h) {
            n.put("name", h.name());
            writeMatch(n, h.match());
        } else if (condition instanceof Condition.Query q) {
            n.put("name", q.name());
            writeMatch(n, q.match());
        } else if (condition instanceof Condition.SourceAddress s) {
            strings(n, s.cidrs());
        } else if (condition instanceof Condition.AccessKey a) {
            strings(n, List.copyOf(a.keys()));
        } else if (condition instanceof Condition.Region r) {
            strings(n, List.copyOf(r.regions()));
        } else if (condition instanceof Condition.ObjectSize s) {
            if (s.min() != null) n.put("min", s.min());
            if (s.max() != null) n.put("max", s.max());
        } else if (condition instanceof Condition.PartNumber p) {
            if (p.min() != null) n.put("min", p.min());
            if (p.max() != null) n.put("max", p.max());
        } else if (condition instanceof Condition.TimeWindow t) {
            if (t.from() != null) n.put("from", t.from().toString());
            if (t.until() != null) n.put("until", t.until().toString());
            if (t.dailyFrom() != null) n.put("daily_from", t.dailyFrom().toString());
            if (t.dailyUntil() != null) n.put("daily_until", t.dailyUntil().toString());
            n.put("zone", t.zone().getId());
        } else if (condition instanceof Condition.RequestCount c) {
            if (c.first() != null) n.put("first", c.first());
            if (c.every() != null) n.put("every", c.every());
            if (c.after() != null) n.put("after", c.after());
            n.put("per", c.per().id());
        } else if (condition instanceof Condition.MaxTriggers m) {
            n.put("value", m.value());
        } else if (condition instanceof Condition.ExpiresAt e) {
            n.put("value", e.value().toString());
        }
        return n;
    }

    public static ObjectNode write(FaultAction action) {
        ObjectNode n = NODES.objectNode();
        n.put("type", action.type());
        if (action instanceof FaultAction.HttpError e) {
            n.put("http_code", e.status());
            n.put("error_code", e.code());
            n.put("message", e.message());
        } else if (action instanceof FaultAction.Delay d) {
            writeDelay(n, d.delay());
        } else if (action instanceof FaultAction.Throttle t) {
            n.put("rate", t.rate());
            n.put("interval", Quantities.format(t.interval()));
            n.put("per", t.per().id());
            if (t.per() == ThrottleScope.PREFIX) n.put("prefix_depth", t.prefixDepth());
            n.put("http_code", t.status());
            n.put("error_code", t.code());
            n.put("message", t.message());
        } else if (action instanceof FaultAction.Bandwidth b) {
            n.put("bytes_per_second", b.bytesPerSecond());
        } else if (action instanceof FaultAction.Reset r) {
            if (r.afterBytes() != null) n.put("after_bytes", r.afterBytes());
        } else if (action instanceof FaultAction.Timeout t) {
            n.put("after", Quantities.format(t.after()));
        } else if (action instanceof FaultAction.Truncate t) {
            if (t.keepBytes() != null) n.put("keep_bytes", t.keepBytes());
            if (t.ratio() != null) n.put("ratio", t.ratio());
        } else if (action instanceof FaultAction.Corrupt c) {
            n.put("target", c.target().id());
            n.put("bytes", c.bytes());
            if (c.offset() != null) n.put("offset", c.offset());
        } else if (action instanceof FaultAction.StaleRead s) {
            n.put("window", Quantities.format(s.window()));
        } else if (action instanceof FaultAction.SlowFirstByte s) {
            writeDelay(n, s.delay());
        } else if (action instanceof FaultAction.Slice s) {
            n.put("chunk_size", s.chunkSize());
            n.put("pause", Quantities.format(s.pause()));
        }
        n.put("phase", action.phase().id());
        return n;
    }

    private static void writeDelay(ObjectNode n, DelaySpec spec) {
        if (spec instanceof DelaySpec.Fixed f) {
            n.put("delay", Quantities.format(f.duration()));
        } else if (spec instanceof DelaySpec.Uniform u) {
            n.put("distribution", "uniform");
            n.put("min", Quantities.format(u.min()));
            n.put("max", Quantities.format(u.max()));
        } else if (spec instanceof DelaySpec.Normal g) {
            n.put("distribution", "normal");
            n.put("mean", Quantities.format(g.mean()));
            n.put("stddev", Quantities.format(g.stddev()));
        } else if (spec instanceof DelaySpec.Exponential e) {
            n.put("distribution", "exponential");
            n.put("mean", Quantities.format(e.mean()));
        }
    }

    private static void writeMatch(ObjectNode n, TextMatch m) {
        switch (m.mode()) {
            case PRESENT -> n.put("present", true);
            case ABSENT -> n.put("present", false);
            case EQUALS -> n.put("value", m.value());
            default -> n.put(m.mode().id(), m.value());
        }
    }

    private static void strings(ObjectNode n, List<String> values) {
        if (values.size() == 1) {
            n.put("value", values.get(0));
        } else {
            ArrayNode a = n.putArray("value");
            values.forEach(a::add);
        }
    }

    // ---------------------------------------------------------------- merge patch (RFC 7396)

    /** Applies a JSON merge patch to a rule document; {@code id} cannot be changed. */
    public static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidRuleException("$", "a patch must be a JSON object");
        }
        ObjectNode result = target.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("id") && !e.getValue().asText().equals(target.path("id").asText())) {
                throw new InvalidRuleException("id", "cannot be changed");
            }
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else if (e.getValue().isObject() && result.get(e.getKey()) instanceof ObjectNode inner
                    && !e.getKey().equals("action")) {
                result.set(e.getKey(), mergePatch(inner, e.getValue()));
            } else {
                result.set(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- field access

    static String defaultCode(int status) {
        return switch (status) {
            case 500 -> "InternalError";
            case 503 -> "SlowDown";
            case 404 -> "NoSuchKey";
            default -> {
                for (S3Error e : S3Error.values()) {
                    if (e.status() == status) {
                        yield e.code();
                    }
                }
                yield "InjectedFault";
            }
        };
    }

    static String defaultMessage(int status) {
        String code = defaultCode(status);
        for (S3Error e : S3Error.values()) {
            if (e.code().equals(code)) {
                return e.defaultMessage();
            }
        }
        return "Fault injected by MockS3";
    }

    private static String requiredText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidRuleException(path, "is required and must be a string");
        }
        return v.asText();
    }

    private static String optText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidRuleException(path, "must be a string");
        }
        return v.asText();
    }

    private static boolean optBool(JsonNode node, String field, String path, boolean dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new InvalidRuleException(path, "must be true or false");
        }
        return v.asBoolean();
    }

    private static Long optLong(JsonNode node, String field, String path, Long dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToExactIntegral() || !v.isNumber()) {
            throw new InvalidRuleException(path, "must be an integer");
        }
        return v.asLong();
    }

    private static long positive(JsonNode v, String path) {
        long n = nonNegative(v, path);
        if (n < 1) {
            throw new InvalidRuleException(path, "must be at least 1");
        }
        return n;
    }

    private static long nonNegative(JsonNode v, String path) {
        if (v == null || !v.isNumber() || !v.canConvertToExactIntegral() || v.asLong() < 0) {
            throw new InvalidRuleException(path, "must be a whole number of at least 0");
        }
        return v.asLong();
    }

    private static Instant instant(JsonNode v, String path) {
        if (v == null || !v.isTextual()) {
            throw new InvalidRuleException(path, "must be an ISO-8601 time such as 2030-01-01T00:00:00Z");
        }
        try {
            return java.time.OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRuleException(path, "must be an ISO-8601 time such as 2030-01-01T00:00:00Z");
        }
    }

    private static LocalTime localTime(JsonNode v, String path) {
        try {
            return LocalTime.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidRuleException(path, "must be a time of day such as 09:00 or 17:30:00");
        }
    }

    /** The fields of one condition or action: typed access with aliases, and a check that nothing was left unread. */
    private static final class Fields {
        private final JsonNode node;
        private final String path;
        private final Set<String> used = new LinkedHashSet<>(List.of("type"));

        Fields(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        boolean has(String name) {
            return node.hasNonNull(name);
        }

        String pathOf(String... names) {
            for (String n : names) {
                if (node.has(n)) {
                    return path + "." + n;
                }
            }
            return path + "." + names[0];
        }

        JsonNode take(String... names) {
            for (String n : names) {
                if (node.hasNonNull(n)) {
                    used.add(n);
                    return node.get(n);
                }
            }
            return null;
        }

        String text(String... names) {
            JsonNode v = take(names);
            if (v == null) {
                return null;
            }
            if (!v.isValueNode()) {
                throw new InvalidRuleException(pathOf(names), "must be a string");
            }
            return v.asText();
        }

        String requiredText(String... names) {
            String v = text(names);
            if (v == null || v.isEmpty()) {
                throw new InvalidRuleException(pathOf(names), "is required");
            }
            return v;
        }

        boolean boolRequired(String name) {
            JsonNode v = take(name);
            if (v == null || !v.isBoolean()) {
                throw new InvalidRuleException(pathOf(name), "must be true or false");
            }
            return v.asBoolean();
        }

        List<String> texts(String... names) {
            JsonNode v = take(names);
            if (v == null) {
                throw new InvalidRuleException(pathOf(names), "is required");
            }
            List<String> out = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(e -> out.add(e.asText()));
            } else if (v.isTextual()) {
                for (String s : v.asText().split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            } else {
                throw new InvalidRuleException(pathOf(names), "must be a string or an array of strings");
            }
            if (out.isEmpty()) {
                throw new InvalidRuleException(pathOf(names), "must not be empty");
            }
            return out;
        }

        double doubleRequired(String... names) {
            JsonNode v = take(names);
            if (v == null || !(v.isNumber() || v.isTextual())) {
                throw new InvalidRuleException(pathOf(names), "is required and must be a number");
            }
            try {
                return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
            } catch (NumberFormatException e) {
                throw new InvalidRuleException(pathOf(names), "must be a number");
            }
        }

        long longRequired(String... names) {
            JsonNode v = take(names);
            if (v == null || !v.isNumber() || !v.canConvertToExactIntegral()) {
                throw new InvalidRuleException(pathOf(names), "is required and must be an integer");
            }
            return v.asLong();
        }

        long longOr(long dflt, String... names) {
            return node.hasNonNull(firstPresent(names)) ? longRequired(names) : dflt;
        }

        long bytesRequired(String... names) {
            JsonNode v = take(names);
            if (v == null) {
                throw new InvalidRuleException(pathOf(names), "is required (bytes, e.g. 4096 or \"64KiB\")");
            }
            if (v.isNumber() && v.canConvertToExactIntegral() && v.asLong() >= 0) {
                return v.asLong();
            }
            if (v.isTextual()) {
                try {
                    return Quantities.bytes(v.asText());
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleException(pathOf(names), e.getMessage());
                }
            }
            throw new InvalidRuleException(pathOf(names), "must be a byte count such as 4096 or \"64KiB\"");
        }

        long bytesOr(long dflt, String... names) {
            return node.hasNonNull(firstPresent(names)) ? bytesRequired(names) : dflt;
        }

        Duration durationRequired(String... names) {
            Duration d = durationOr(null, names);
            if (d == null) {
                throw new InvalidRuleException(pathOf(names), "is required (e.g. \"2s\", \"150ms\")");
            }
            return d;
        }

        Duration durationOr(Duration dflt, String... names) {
            JsonNode v = take(names);
            if (v == null) {
                return dflt;
            }
            try {
                Duration d = v.isNumber() ? Quantities.duration(v.asText()) : Quantities.duration(v.asText());
                if (d.isNegative()) {
                    throw new IllegalArgumentException("must not be negative");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(pathOf(names), e.getMessage());
            }
        }

        <E extends Enum<E>> E enumOr(E dflt, Class<E> type, String name) {
            String v = text(name);
            if (v == null) {
                return dflt;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    allowed.add(c.name().toLowerCase(Locale.ROOT));
                }
                throw new InvalidRuleException(pathOf(name), "must be one of " + String.join(", ", allowed));
            }
        }

        Phase phase(Phase dflt) {
            return enumOr(dflt, Phase.class, "phase");
        }

        /** For actions that have one possible phase: accept it stated, refuse the other. */
        void rejectPhase(Phase only) {
            Phase p = phase(only);
            if (p != only) {
                throw new InvalidRuleException(pathOf("phase"), "this action only runs " + only.id() + " the operation");
            }
        }

        void rejectUnused() {
            node.fieldNames().forEachRemaining(name -> {
                if (!used.contains(name) && !node.get(name).isNull()) {
                    throw new InvalidRuleException(path + "." + name, "unknown field for type '"
                            + node.get("type").asText() + "'");
                }
            });
        }

        private String firstPresent(String... names) {
            for (String n : names) {
                if (node.hasNonNull(n)) {
                    return n;
                }
            }
            return names[0];
        }
    }

    /** Reads JSON text with a message a user can act on. */
    public static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new InvalidRuleException("$", "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
