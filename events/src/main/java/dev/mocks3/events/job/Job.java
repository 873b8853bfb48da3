package dev.mocks3.events.job;

import java.util.Arrays;
import java.util.Optional;

import dev.mocks3.events.EventTypes;

/**
 * The job types: each is a CloudEvent type and the one function that consumes it, so a job runs
 * wherever that function is deployed (one Knative service per job, a Trigger on its type).
 */
public enum Job {
    RECLAIM_BLOBS(EventTypes.JOB_BLOBS_RECLAIM, "reclaimBlobs"),
    ABORT_UPLOADS(EventTypes.JOB_UPLOADS_ABORT, "abortUploads"),
    LIFECYCLE_SCAN(EventTypes.JOB_LIFECYCLE_SCAN, "lifecycleScan"),
    LIFECYCLE_EXPIRE(EventTypes.JOB_LIFECYCLE_EXPIRE, "lifecycleExpire"),
    FETCH_UPSTREAM(EventTypes.JOB_UPSTREAM_FETCH, "fetchUpstream"),
    DRIVE_SEARCH_INDEX(EventTypes.JOB_DRIVE_SEARCH_INDEX, "driveSearchIndex"),
    DRIVE_SEARCH_REINDEX(EventTypes.JOB_DRIVE_SEARCH_REINDEX, "driveSearchReindex"),
    DRIVE_TRASH_PURGE(EventTypes.JOB_DRIVE_TRASH_PURGE, "driveTrashPurge"),
    DRIVE_UPLOAD_EXPIRE(EventTypes.JOB_DRIVE_UPLOAD_EXPIRE, "driveUploadExpire");

    private final String type;
    private final String functionName;

    Job(String type, String functionName) {
        this.type = type;
        this.functionName = functionName;
    }

    /** The CloudEvent type that asks for this job. */
    public String type() {
        return type;
    }

    /** The function bean that runs it, and the Knative service name's source. */
    public String functionName() {
        return functionName;
    }

    public static Optional<Job> ofType(String type) {
        return Arrays.stream(values()).filter(job -> job.type.equals(type)).findFirst();
    }
}
