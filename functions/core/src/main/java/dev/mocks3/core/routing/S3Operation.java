package dev.mocks3.core.routing;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every S3 operation MockS3 serves. The function name is the Spring Cloud Function bean that
 * serves it, and the Knative service that exposes it on a cluster; the traits say what it does to
 * objects, so that code which cares (stale reads, the seed's services) asks them instead of
 * keeping lists of its own.
 */
public enum S3Operation {
    LIST_BUCKETS("ListBuckets", "listBuckets"),
    CREATE_BUCKET("CreateBucket", "createBucket"),
    HEAD_BUCKET("HeadBucket", "headBucket"),
    DELETE_BUCKET("DeleteBucket", "deleteBucket"),
    GET_BUCKET_LOCATION("GetBucketLocation", "getBucketLocation"),
    PUT_BUCKET_LIFECYCLE_CONFIGURATION("PutBucketLifecycleConfiguration", "putBucketLifecycleConfiguration"),
    GET_BUCKET_LIFECYCLE_CONFIGURATION("GetBucketLifecycleConfiguration", "getBucketLifecycleConfiguration"),
    DELETE_BUCKET_LIFECYCLE("DeleteBucketLifecycle", "deleteBucketLifecycle"),
    PUT_BUCKET_NOTIFICATION_CONFIGURATION("PutBucketNotificationConfiguration", "putBucketNotificationConfiguration"),
    GET_BUCKET_NOTIFICATION_CONFIGURATION("GetBucketNotificationConfiguration", "getBucketNotificationConfiguration"),
    PUT_BUCKET_CORS("PutBucketCors", "putBucketCors"),
    GET_BUCKET_CORS("GetBucketCors", "getBucketCors"),
    DELETE_BUCKET_CORS("DeleteBucketCors", "deleteBucketCors"),
    CORS_PREFLIGHT("OptionsObject", "corsPreflight"),
    PUT_BUCKET_POLICY("PutBucketPolicy", "putBucketPolicy"),
    GET_BUCKET_POLICY("GetBucketPolicy", "getBucketPolicy"),
    DELETE_BUCKET_POLICY("DeleteBucketPolicy", "deleteBucketPolicy"),
    GET_BUCKET_POLICY_STATUS("GetBucketPolicyStatus", "getBucketPolicyStatus"),
    PUT_BUCKET_ACL("PutBucketAcl", "putBucketAcl"),
    GET_BUCKET_ACL("GetBucketAcl", "getBucketAcl"),
    PUT_OBJECT_ACL("PutObjectAcl", "putObjectAcl"),
    GET_OBJECT_ACL("GetObjectAcl", "getObjectAcl"),
    PUT_PUBLIC_ACCESS_BLOCK("PutPublicAccessBlock", "putPublicAccessBlock"),
    GET_PUBLIC_ACCESS_BLOCK("GetPublicAccessBlock", "getPublicAccessBlock"),
    DELETE_PUBLIC_ACCESS_BLOCK("DeletePublicAccessBlock", "deletePublicAccessBlock"),
    PUT_BUCKET_OWNERSHIP_CONTROLS("PutBucketOwnershipControls", "putBucketOwnershipControls"),
    GET_BUCKET_OWNERSHIP_CONTROLS("GetBucketOwnershipControls", "getBucketOwnershipControls"),
    DELETE_BUCKET_OWNERSHIP_CONTROLS("DeleteBucketOwnershipControls", "deleteBucketOwnershipControls"),
    PUT_BUCKET_ENCRYPTION("PutBucketEncryption", "putBucketEncryption"),
    GET_BUCKET_ENCRYPTION("GetBucketEncryption", "getBucketEncryption"),
    DELETE_BUCKET_ENCRYPTION("DeleteBucketEncryption", "deleteBucketEncryption"),
    // object lock
    PUT_OBJECT_LOCK_CONFIGURATION("PutObjectLockConfiguration", "putObjectLockConfiguration"),
    GET_OBJECT_LOCK_CONFIGURATION("GetObjectLockConfiguration", "getObjectLockConfiguration"),
    PUT_OBJECT_RETENTION("PutObjectRetention", "putObjectRetention"),
    GET_OBJECT_RETENTION("GetObjectRetention", "getObjectRetention"),
    PUT_OBJECT_LEGAL_HOLD("PutObjectLegalHold", "putObjectLegalHold"),
    GET_OBJECT_LEGAL_HOLD("GetObjectLegalHold", "getObjectLegalHold"),
    LIST_OBJECTS("ListObjects", "listObjects", Trait.LISTS_OBJECTS),
    LIST_OBJECTS_V2("ListObjectsV2", "listObjectsV2", Trait.LISTS_OBJECTS),
    DELETE_OBJECTS("DeleteObjects", "deleteObjects", Trait.NOTIFIES),
    PUT_OBJECT("PutObject", "putObject", Trait.WRITES_OBJECT, Trait.MOVES_BYTES, Trait.UPLOADS_BODY, Trait.NOTIFIES),
    /** Browser form upload: POST /bucket with multipart/form-data; key, metadata and signature are form fields. */
    POST_OBJECT("PostObject", "postObject", Trait.WRITES_OBJECT, Trait.MOVES_BYTES, Trait.UPLOADS_BODY, Trait.NOTIFIES),
    COPY_OBJECT("CopyObject", "copyObject", Trait.WRITES_OBJECT, Trait.MOVES_BYTES, Trait.NOTIFIES),
    GET_OBJECT("GetObject", "getObject", Trait.READS_OBJECT, Trait.MOVES_BYTES),
    HEAD_OBJECT("HeadObject", "headObject", Trait.READS_OBJECT),
    GET_OBJECT_ATTRIBUTES("GetObjectAttributes", "getObjectAttributes"),
    RESTORE_OBJECT("RestoreObject", "restoreObject"),
    DELETE_OBJECT("DeleteObject", "deleteObject", Trait.WRITES_OBJECT, Trait.NOTIFIES),
    CREATE_MULTIPART_UPLOAD("CreateMultipartUpload", "createMultipartUpload"),
    UPLOAD_PART("UploadPart", "uploadPart", Trait.MOVES_BYTES, Trait.UPLOADS_BODY),
    UPLOAD_PART_COPY("UploadPartCopy", "uploadPartCopy", Trait.MOVES_BYTES),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", "completeMultipartUpload", Trait.WRITES_OBJECT, Trait.MOVES_BYTES,
            Trait.NOTIFIES),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", "abortMultipartUpload"),
    LIST_PARTS("ListParts", "listParts"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads", "listMultipartUploads"),
    // versioning and tagging
    PUT_BUCKET_VERSIONING("PutBucketVersioning", "putBucketVersioning"),
    GET_BUCKET_VERSIONING("GetBucketVersioning", "getBucketVersioning"),
    LIST_OBJECT_VERSIONS("ListObjectVersions", "listObjectVersions"),
    PUT_OBJECT_TAGGING("PutObjectTagging", "putObjectTagging"),
    GET_OBJECT_TAGGING("GetObjectTagging", "getObjectTagging"),
    DELETE_OBJECT_TAGGING("DeleteObjectTagging", "deleteObjectTagging"),
    PUT_BUCKET_TAGGING("PutBucketTagging", "putBucketTagging"),
    GET_BUCKET_TAGGING("GetBucketTagging", "getBucketTagging"),
    DELETE_BUCKET_TAGGING("DeleteBucketTagging", "deleteBucketTagging"),
    // bucket configurations Terraform and SDK tools read (wt-cfg14)
    PUT_BUCKET_WEBSITE("PutBucketWebsite", "putBucketWebsite"),
    GET_BUCKET_WEBSITE("GetBucketWebsite", "getBucketWebsite"),
    DELETE_BUCKET_WEBSITE("DeleteBucketWebsite", "deleteBucketWebsite"),
    PUT_BUCKET_ACCELERATE_CONFIGURATION("PutBucketAccelerateConfiguration", "putBucketAccelerateConfiguration"),
    GET_BUCKET_ACCELERATE_CONFIGURATION("GetBucketAccelerateConfiguration", "getBucketAccelerateConfiguration"),
    PUT_BUCKET_REQUEST_PAYMENT("PutBucketRequestPayment", "putBucketRequestPayment"),
    GET_BUCKET_REQUEST_PAYMENT("GetBucketRequestPayment", "getBucketRequestPayment"),
    PUT_BUCKET_LOGGING("PutBucketLogging", "putBucketLogging"),
    GET_BUCKET_LOGGING("GetBucketLogging", "getBucketLogging"),
    PUT_BUCKET_REPLICATION("PutBucketReplication", "putBucketReplication"),
    GET_BUCKET_REPLICATION("GetBucketReplication", "getBucketReplication"),
    DELETE_BUCKET_REPLICATION("DeleteBucketReplication", "deleteBucketReplication"),
    PUT_BUCKET_ANALYTICS_CONFIGURATION("PutBucketAnalyticsConfiguration", "putBucketAnalyticsConfiguration"),
    GET_BUCKET_ANALYTICS_CONFIGURATION("GetBucketAnalyticsConfiguration", "getBucketAnalyticsConfiguration"),
    DELETE_BUCKET_ANALYTICS_CONFIGURATION("DeleteBucketAnalyticsConfiguration", "deleteBucketAnalyticsConfiguration"),
    LIST_BUCKET_ANALYTICS_CONFIGURATIONS("ListBucketAnalyticsConfigurations", "listBucketAnalyticsConfigurations"),
    PUT_BUCKET_METRICS_CONFIGURATION("PutBucketMetricsConfiguration", "putBucketMetricsConfiguration"),
    GET_BUCKET_METRICS_CONFIGURATION("GetBucketMetricsConfiguration", "getBucketMetricsConfiguration"),
    DELETE_BUCKET_METRICS_CONFIGURATION("DeleteBucketMetricsConfiguration", "deleteBucketMetricsConfiguration"),
    LIST_BUCKET_METRICS_CONFIGURATIONS("ListBucketMetricsConfigurations", "listBucketMetricsConfigurations"),
    PUT_BUCKET_INVENTORY_CONFIGURATION("PutBucketInventoryConfiguration", "putBucketInventoryConfiguration"),
    GET_BUCKET_INVENTORY_CONFIGURATION("GetBucketInventoryConfiguration", "getBucketInventoryConfiguration"),
    DELETE_BUCKET_INVENTORY_CONFIGURATION("DeleteBucketInventoryConfiguration", "deleteBucketInventoryConfiguration"),
    LIST_BUCKET_INVENTORY_CONFIGURATIONS("ListBucketInventoryConfigurations", "listBucketInventoryConfigurations"),
    PUT_BUCKET_INTELLIGENT_TIERING_CONFIGURATION("PutBucketIntelligentTieringConfiguration", "putBucketIntelligentTieringConfiguration"),
    GET_BUCKET_INTELLIGENT_TIERING_CONFIGURATION("GetBucketIntelligentTieringConfiguration", "getBucketIntelligentTieringConfiguration"),
    DELETE_BUCKET_INTELLIGENT_TIERING_CONFIGURATION("DeleteBucketIntelligentTieringConfiguration", "deleteBucketIntelligentTieringConfiguration"),
    LIST_BUCKET_INTELLIGENT_TIERING_CONFIGURATIONS("ListBucketIntelligentTieringConfigurations", "listBucketIntelligentTieringConfigurations");

    /** What an operation does, like MinIO's per-route flags. */
    public enum Trait {
        /** Answers with an object's current content or metadata (GetObject, HeadObject). */
        READS_OBJECT,
        /** Changes the object one key names (put, copy, delete, complete). */
        WRITES_OBJECT,
        /** Lists the keys of a bucket. */
        LISTS_OBJECTS,
        /** Reads or writes object bytes, not only metadata: the seed's storage service. */
        MOVES_BYTES,
        /** The request body is object content, streamed to the blob store. */
        UPLOADS_BODY,
        /** A successful request sends the bucket's notifications (s3:ObjectCreated:*, s3:ObjectRemoved:*). */
        NOTIFIES
    }

    private final String s3Name;
    private final String functionName;
    private final Set<Trait> traits;

    S3Operation(String s3Name, String functionName, Trait... traits) {
        this.s3Name = s3Name;
        this.functionName = functionName;
        this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class)
                : EnumSet.copyOf(List.of(traits));
    }

    public boolean is(Trait trait) {
        return traits.contains(trait);
    }

    /** Every operation that has the trait. */
    public static Set<S3Operation> with(Trait trait) {
        Set<S3Operation> ops = EnumSet.noneOf(S3Operation.class);
        for (S3Operation op : values()) {
            if (op.is(trait)) {
                ops.add(op);
            }
        }
        return ops;
    }

    /** The name AWS documents the operation under, e.g. {@code PutObject}. */
    public String s3Name() {
        return s3Name;
    }

    /** The function bean serving this operation, e.g. {@code putObject}. */
    public String functionName() {
        return functionName;
    }

    public static Optional<S3Operation> byS3Name(String name) {
        for (S3Operation op : values()) {
            if (op.s3Name.equalsIgnoreCase(name) || op.functionName.equalsIgnoreCase(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
