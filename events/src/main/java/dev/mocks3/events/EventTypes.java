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

    /** Job: reclaim blob files and reference counts no object or part needs (the storage sweep). Payload: {@link dev.mocks3.events.job.ReclaimBlobs}. */
    public static final String JOB_BLOBS_RECLAIM = "dev.mocks3.job.blobs.reclaim";

    /** Job: abort a bucket's multipart uploads initiated before a time. Payload: {@link dev.mocks3.events.job.AbortUploads}. */
    public static final String JOB_UPLOADS_ABORT = "dev.mocks3.job.uploads.abort";

    /** Job: start a lifecycle run, one {@link #JOB_LIFECYCLE_EXPIRE} per bucket with a configuration. Payload: {@link dev.mocks3.events.job.LifecycleScan}. */
    public static final String JOB_LIFECYCLE_SCAN = "dev.mocks3.job.lifecycle.scan";

    /** Job: carry out one bucket's lifecycle rules now. Payload: {@link dev.mocks3.events.job.LifecycleExpire}. */
    public static final String JOB_LIFECYCLE_EXPIRE = "dev.mocks3.job.lifecycle.expire";

    /** Job: store an object read through from its bucket's upstream. Payload: {@link dev.mocks3.events.job.FetchUpstream}. */
    public static final String JOB_UPSTREAM_FETCH = "dev.mocks3.job.upstream.fetch";

    /** Job: bring a drive entry and everything below it up to date in the search index (sent with every change of the drive's files). Payload: {@link dev.mocks3.events.job.DriveSearchIndex}. */
    public static final String JOB_DRIVE_SEARCH_INDEX = "dev.mocks3.job.drive.search.index";

    /** Job: rebuild the drive's search index from its files table, for one user or everyone. Payload: {@link dev.mocks3.events.job.DriveSearchReindex}. */
    public static final String JOB_DRIVE_SEARCH_REINDEX = "dev.mocks3.job.drive.search.reindex";

    /** Job (delayed): purge a drive trash item whose retention ran out, refunding the quota. Payload: {@link dev.mocks3.events.job.DriveTrashPurge}. */
    public static final String JOB_DRIVE_TRASH_PURGE = "dev.mocks3.job.drive.trash.purge";

    /** Job (delayed): abort a drive upload whose callback never came. Payload: {@link dev.mocks3.events.job.DriveUploadExpire}. */
    public static final String JOB_DRIVE_UPLOAD_EXPIRE = "dev.mocks3.job.drive.upload.expire";

    /** An object was created or replaced (put, copy, completed multipart upload); sent to the
     * destinations of the bucket's notification configuration. Payload: {@link dev.mocks3.events.object.S3EventNotification}. */
    public static final String OBJECT_CREATED = "dev.mocks3.object.created";

    /** An object was deleted. Payload: {@link dev.mocks3.events.object.S3EventNotification}. */
    public static final String OBJECT_REMOVED = "dev.mocks3.object.removed";

    /** Something else of an object changed: its tags, its ACL, its storage class (a lifecycle transition), or
     * its restore started or completed. Payload: {@link dev.mocks3.events.object.S3EventNotification}. */
    public static final String OBJECT_CHANGED = "dev.mocks3.object.changed";

    /** Start, pause, resume or stop a fault scenario. Payload: {@code {"id", "command", "speed"}} ({@code schemas/dev.mocks3.scenario.command.json}). */
    public static final String SCENARIO_COMMAND = "dev.mocks3.scenario.command";

    private EventTypes() {
    }
}
