package dev.mocks3.events;

/**
 * Every CloudEvent type MockS3 sends or accepts. One constant per type; the payload record,
 * the JSON Schema ({@code events/schemas/<type>.json}) and an example
 * ({@code events/examples/<type>.*}) carry the same name.
 */
public final class EventTypes {

    /** A fault rule injected a fault into an S3 request. Payload: {@link dev.mocks3.events.fault.FaultInjected}. */
    public static final String FAULT_INJECTED = "dev.mocks3.fault.injected";

    /** Create or replace a fault rule. Payload: the rule document ({@code schemas/dev.mocks3.rule.put.json}). */
    public static final String RULE_PUT = "dev.mocks3.rule.put";

    /** Change some fields of a rule. Payload: a JSON merge patch of the rule document plus its {@code id}
     * (or the id as the event {@code subject}), so that {@code kn event send --field id=... --field enabled=false} works. */
    public static final String RULE_PATCH = "dev.mocks3.rule.patch";

    /** Delete a rule. Payload: {@link dev.mocks3.events.rule.RuleDelete}. */
    public static final String RULE_DELETE = "dev.mocks3.rule.delete";

    /** Sent after any change to the rule set, whatever caused it. Payload: {@link dev.mocks3.events.rule.RuleChanged}. */
    public static final String RULE_CHANGED = "dev.mocks3.rule.changed";

    /** An object was created or replaced (put, copy, completed multipart upload); sent to the
     * destinations of the bucket's notification configuration. Payload: {@link dev.mocks3.events.object.S3EventNotification}. */
    public static final String OBJECT_CREATED = "dev.mocks3.object.created";

    /** An object was deleted. Payload: {@link dev.mocks3.events.object.S3EventNotification}. */
    public static final String OBJECT_REMOVED = "dev.mocks3.object.removed";

    private EventTypes() {
    }
}
