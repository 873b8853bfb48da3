package dev.mocks3.faults.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The actions and conditions are the permitted subclasses of {@link FaultAction} and {@link Condition};
 * their JSON type ids, the event schemas and the faults README must list the same ones.
 */
class RuleTypesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("../../events/schemas");
    private static final Path README = Path.of("README.md");

    /** One document per type id, the smallest each accepts. */
    private static final Map<String, String> ACTIONS = examples(
            "http_error", "\"http_code\": 503",
            "delay", "\"delay\": \"1s\"",
            "throttle", "\"rate\": 5",
            "bandwidth", "\"bytes_per_second\": \"1KiB\"",
            "reset", "\"after_bytes\": 10",
            "timeout", "\"after\": \"2s\"",
            "truncate", "\"ratio\": 0.25",
            "corrupt", "\"target\": \"etag\"",
            "stale_read", "\"window\": \"1s\"",
            "slow_first_byte", "\"delay\": \"1s\"",
            "slice", "\"chunk_size\": 8",
            "drop", "\"phase\": \"before\"",
            "duplicate", "\"copies\": 3");
    private static final Map<String, String> CONDITIONS = examples(
            "probability", "\"value\": 0.5",
            "operation", "\"value\": \"GetObject\"",
            "bucket", "\"prefix\": \"logs-\"",
            "key", "\"suffix\": \".json\"",
            "method", "\"value\": [\"GET\", \"HEAD\"]",
            "header", "\"name\": \"x-test\", \"present\": false",
            "query", "\"name\": \"uploadId\", \"regex\": \"^a\"",
            "source_ip", "\"value\": \"10.0.0.0/8\"",
            "access_key", "\"value\": \"AKIA\"",
            "region", "\"value\": \"eu-west-1\"",
            "object_size", "\"max\": \"5MiB\"",
            "part_number", "\"value\": 3",
            "time_window", "\"from\": \"2030-01-01T00:00:00+02:00\"",
            "request_count", "\"every\": 3",
            "max_triggers", "\"value\": 2",
            "expires_at", "\"value\": \"2030-01-01T00:00:00Z\"");

    private static Map<String, String> examples(String... idsAndFields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < idsAndFields.length; i += 2) {
            out.put(idsAndFields[i], "{\"type\": \"" + idsAndFields[i] + "\", " + idsAndFields[i + 1] + "}");
        }
        return out;
    }

    private static Set<String> idsOfPermittedSubclasses(Class<?> family) {
        Set<String> ids = new LinkedHashSet<>();
        for (Class<?> type : family.getPermittedSubclasses()) {
            ids.add(TypeIds.of(type));
        }
        return ids;
    }

    @Test
    void everyActionAndConditionHasOneTypeId() {
        assertThat(idsOfPermittedSubclasses(FaultAction.class)).containsExactlyElementsOf(TypeIds.all(FaultAction.class));
        assertThat(idsOfPermittedSubclasses(Condition.class)).containsExactlyElementsOf(TypeIds.all(Condition.class));
    }

    @Test
    void everyActionIsReadIntoItsOwnRecordAndWrittenBackTheSame() throws IOException {
        assertThat(ACTIONS.keySet()).containsExactlyInAnyOrderElementsOf(TypeIds.all(FaultAction.class));
        for (Map.Entry<String, String> e : ACTIONS.entrySet()) {
            FaultAction action = RuleJson.action(MAPPER.readTree(e.getValue()), "action");
            assertThat(action.type()).as(e.getValue()).isEqualTo(e.getKey());
            assertThat(RuleJson.action(RuleJson.write(action), "action")).as(e.getValue()).isEqualTo(action);
        }
    }

    @Test
    void everyConditionIsReadIntoItsOwnRecordAndWrittenBackTheSame() throws IOException {
        assertThat(CONDITIONS.keySet()).containsExactlyInAnyOrderElementsOf(TypeIds.all(Condition.class));
        for (Map.Entry<String, String> e : CONDITIONS.entrySet()) {
            FaultRule rule = RuleJson.read(MAPPER.readTree(
                    "{\"name\": \"n\", \"conditions\": [" + e.getValue() + "], \"action\": {\"type\": \"reset\"}}"));
            assertThat(rule.conditions()).singleElement().as(e.getValue())
                    .satisfies(c -> assertThat(c.type()).isEqualTo(e.getKey()));
            assertThat(RuleJson.read(RuleJson.write(rule))).as(e.getValue()).isEqualTo(rule);
        }
    }

    @Test
    void ruleSchemaListsEveryActionAndCondition() throws IOException {
        JsonNode put = MAPPER.readTree(SCHEMAS.resolve("dev.mocks3.rule.put.json").toFile()).get("properties");
        assertThat(texts(put.at("/conditions/items/properties/type/enum")))
                .containsExactlyInAnyOrderElementsOf(TypeIds.all(Condition.class));
        assertThat(texts(put.at("/action/properties/type/enum")))
                .containsExactlyInAnyOrderElementsOf(TypeIds.all(FaultAction.class));
        JsonNode injected = MAPPER.readTree(SCHEMAS.resolve("dev.mocks3.fault.injected.json").toFile()).get("properties");
        assertThat(texts(injected.at("/action/enum"))).containsExactlyInAnyOrderElementsOf(TypeIds.all(FaultAction.class));
    }

    @Test
    void readmeListsEveryActionAndCondition() throws IOException {
        String readme = Files.readString(README);
        assertThat(listedIn(readme, "Conditions (`type`):")).containsExactlyInAnyOrderElementsOf(TypeIds.all(Condition.class));
        assertThat(listedIn(readme, "Actions (`type`")).containsExactlyInAnyOrderElementsOf(TypeIds.all(FaultAction.class));
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("schema enum").isTrue();
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The `names` of the README paragraph that starts with {@code start}, outside parentheses (those are fields). */
    private static Set<String> listedIn(String readme, String start) {
        int from = readme.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int end = readme.indexOf("\n\n", from);
        String paragraph = readme.substring(from + start.length(), end < 0 ? readme.length() : end);
        StringBuilder outside = new StringBuilder();
        int depth = start.endsWith("(`type`") ? 1 : 0;
        for (char c : paragraph.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(outside);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
