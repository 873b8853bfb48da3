package dev.mocks3.events.rule;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.rule.changed}: which rule changed and how.
 *
 * @param change {@code created}, {@code updated}, {@code deleted}
 * @param version the rule's version after the change (0 when deleted)
 */
public record RuleChanged(@JsonProperty("id") String id, @JsonProperty("change") String change,
                          @JsonProperty("version") long version) {
}
