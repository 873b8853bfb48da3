package dev.mocks3.junit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a rule does to the requests it matches: the {@code action} object of the rule document. Made by
 * the factories of {@link FaultActions}; {@link #beforeOperation()} / {@link #afterOperation()} choose
 * the phase where the action allows both.
 */
public final class Action {
    private final ObjectNode json;

    Action(ObjectNode json) {
        this.json = json;
    }

    /** An action written as JSON, for fields this client has no method for. */
    public static Action of(JsonNode json) {
        if (!json.isObject() || !json.hasNonNull("type")) {
            throw new IllegalArgumentException("an action is an object with a \"type\": " + json);
        }
        return new Action(((ObjectNode) json).deepCopy());
    }

    /** The action runs before the operation: nothing is stored. */
    public Action beforeOperation() {
        return with("phase", "before");
    }

    /** The action runs after the operation: the write is committed, then the client sees the fault. */
    public Action afterOperation() {
        return with("phase", "after");
    }

    /** The same action with one more field. */
    public Action with(String field, Object value) {
        ObjectNode copy = json.deepCopy();
        copy.set(field, RulesHttp.JSON.valueToTree(value));
        return new Action(copy);
    }

    public String type() {
        return json.path("type").asText();
    }

    ObjectNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
