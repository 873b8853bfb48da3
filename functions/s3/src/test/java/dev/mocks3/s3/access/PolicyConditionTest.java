package dev.mocks3.s3.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Condition tests on keys with several values, as IAM's set operators read them. */
class PolicyConditionTest {
    private static final String TAG_KEYS = "s3:RequestObjectTagKeys";
    private static final Map<String, List<String>> TEAM_AND_COST = Map.of("s3:requestobjecttagkeys", List.of("team", "cost"));
    private static final Map<String, List<String>> NO_TAGS = Map.of();

    private static boolean holds(String operator, Map<String, List<String>> context, String... values) {
        return new PolicyCondition(operator, TAG_KEYS, List.of(values)).holds(context);
    }

    @Test
    void forAllValuesHoldsWhenEachValueIsListedOrWhenThereIsNone() {
        assertThat(holds("ForAllValues:StringEquals", TEAM_AND_COST, "team", "cost", "owner")).isTrue();
        assertThat(holds("ForAllValues:StringEquals", TEAM_AND_COST, "team")).isFalse();
        assertThat(holds("ForAllValues:StringEquals", NO_TAGS, "team")).isTrue();
    }

    @Test
    void forAnyValueHoldsWhenOneValueIsListedAndNeverWithoutValues() {
        assertThat(holds("ForAnyValue:StringEquals", TEAM_AND_COST, "cost")).isTrue();
        assertThat(holds("ForAnyValue:StringLike", TEAM_AND_COST, "own*")).isFalse();
        assertThat(holds("ForAnyValue:StringNotEquals", NO_TAGS, "team")).isFalse();
    }

    @Test
    void singleValuedKeysKeepTheirPlainReading() {
        Map<String, List<String>> blue = Map.of("s3:requestobjecttag/team", List.of("blue"));
        assertThat(new PolicyCondition("StringEquals", "s3:RequestObjectTag/team", List.of("blue")).holds(blue)).isTrue();
        assertThat(new PolicyCondition("StringNotEquals", "s3:RequestObjectTag/team", List.of("blue")).holds(blue)).isFalse();
        assertThat(new PolicyCondition("StringNotEquals", "s3:RequestObjectTag/team", List.of("blue")).holds(NO_TAGS)).isTrue();
        assertThat(new PolicyCondition("Null", "s3:RequestObjectTag/team", List.of("true")).holds(NO_TAGS)).isTrue();
    }
}
