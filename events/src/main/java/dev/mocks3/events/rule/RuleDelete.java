package dev.mocks3.events.rule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code dev.mocks3.rule.delete}. The id may instead travel as the event's {@code subject}. */
public record RuleDelete(@JsonProperty("id") String id) {
}
