package dev.mocks3.core.notification;

import java.util.Set;

/**
 * The event names of S3 bucket notifications ({@code s3:ObjectCreated:Put}, ...), as AWS lists
 * them for {@code PutBucketNotificationConfiguration}, and the ones MockS3 emits.
 */
public final class S3EventNames {
    public static final String OBJECT_CREATED_PUT = "s3:ObjectCreated:Put";
    public static final String OBJECT_CREATED_POST = "s3:ObjectCreated:Post";
    public static final String OBJECT_CREATED_COPY = "s3:ObjectCreated:Copy";
    public static final String OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD = "s3:ObjectCreated:CompleteMultipartUpload";
    public static final String OBJECT_REMOVED_DELETE = "s3:ObjectRemoved:Delete";
    public static final String LIFECYCLE_EXPIRATION_DELETE = "s3:LifecycleExpiration:Delete";
    public static final String OBJECT_REMOVED_DELETE_MARKER_CREATED = "s3:ObjectRemoved:DeleteMarkerCreated";
    public static final String LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED = "s3:LifecycleExpiration:DeleteMarkerCreated";
    public static final String OBJECT_TAGGING_PUT = "s3:ObjectTagging:Put";
    public static final String OBJECT_TAGGING_DELETE = "s3:ObjectTagging:Delete";
    public static final String OBJECT_ACL_PUT = "s3:ObjectAcl:Put";
    public static final String LIFECYCLE_TRANSITION = "s3:LifecycleTransition";
    public static final String OBJECT_RESTORE_POST = "s3:ObjectRestore:Post";
    public static final String OBJECT_RESTORE_COMPLETED = "s3:ObjectRestore:Completed";

    private static final Set<String> KNOWN = Set.of(
            "s3:TestEvent", "s3:ReducedRedundancyLostObject",
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
            "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
            "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
            "s3:LifecycleTransition", "s3:IntelligentTiering",
            "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put");

    private S3EventNames() {
    }

    /** The event of a delete that, in a versioned bucket, added a delete marker instead. */
    public static String deleteMarkerCreated(String deleteEvent) {
        return LIFECYCLE_EXPIRATION_DELETE.equals(deleteEvent) ? LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED
                : OBJECT_REMOVED_DELETE_MARKER_CREATED;
    }

    /** A name S3 accepts in a notification configuration. */
    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    /** True when the configured {@code pattern} ({@code s3:ObjectCreated:*} or a full name) covers {@code eventName}. */
    public static boolean covers(String pattern, String eventName) {
        return pattern.endsWith(":*") ? eventName.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(eventName);
    }

    /** An object appeared: decides the CloudEvent type (with {@link #isRemoval}; neither is a change). */
    public static boolean isCreation(String eventName) {
        return eventName.startsWith("s3:ObjectCreated:");
    }

    /** An object went away (a delete, a delete marker added, a lifecycle expiry). */
    public static boolean isRemoval(String eventName) {
        return eventName.startsWith("s3:ObjectRemoved:") || eventName.startsWith("s3:LifecycleExpiration:");
    }

    /** The name as event records carry it: without the {@code s3:} prefix ({@code ObjectCreated:Put}). */
    public static String inRecord(String eventName) {
        return eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
    }
}
