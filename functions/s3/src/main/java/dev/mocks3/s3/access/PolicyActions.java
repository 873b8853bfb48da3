package dev.mocks3.s3.access;

import dev.mocks3.core.routing.S3Operation;

/** The IAM action a bucket policy names for each operation ({@code s3:GetObject} for GetObject and HeadObject, ...). */
final class PolicyActions {
    private PolicyActions() {
    }

    /**
     * The action of an operation on the version {@code ?versionId} names: IAM has actions of their own for
     * those ({@code s3:GetObjectVersion}, {@code s3:DeleteObjectVersion}, {@code s3:GetObjectVersionAcl},
     * ...); the others are named as without a version.
     */
    static String of(S3Operation operation, boolean namesVersion) {
        if (!namesVersion) {
            return of(operation);
        }
        return switch (operation) {
            case GET_OBJECT, HEAD_OBJECT -> "s3:GetObjectVersion";
            case DELETE_OBJECT -> "s3:DeleteObjectVersion";
            case GET_OBJECT_ACL -> "s3:GetObjectVersionAcl";
            case PUT_OBJECT_ACL -> "s3:PutObjectVersionAcl";
            case GET_OBJECT_TAGGING -> "s3:GetObjectVersionTagging";
            case PUT_OBJECT_TAGGING -> "s3:PutObjectVersionTagging";
            case DELETE_OBJECT_TAGGING -> "s3:DeleteObjectVersionTagging";
            case GET_OBJECT_ATTRIBUTES -> "s3:GetObjectVersionAttributes";
            default -> of(operation);
        };
    }

    static String of(S3Operation operation) {
        // most actions are named as their operation (GetBucketAcl, PutBucketPolicy, GetObjectTagging)
        return "s3:" + switch (operation) {
            case HEAD_OBJECT, GET_OBJECT, CORS_PREFLIGHT -> "GetObject";
            case LIST_OBJECTS, LIST_OBJECTS_V2, HEAD_BUCKET -> "ListBucket";
            case LIST_OBJECT_VERSIONS -> "ListBucketVersions";
            case DELETE_BUCKET_TAGGING -> "PutBucketTagging";
            case PUT_OBJECT, POST_OBJECT, COPY_OBJECT, CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY,
                 COMPLETE_MULTIPART_UPLOAD -> "PutObject";
            case DELETE_OBJECT, DELETE_OBJECTS -> "DeleteObject";
            case LIST_PARTS -> "ListMultipartUploadParts";
            case LIST_MULTIPART_UPLOADS -> "ListBucketMultipartUploads";
            case LIST_BUCKETS -> "ListAllMyBuckets";
            case PUT_BUCKET_CORS, DELETE_BUCKET_CORS -> "PutBucketCORS";
            case GET_BUCKET_CORS -> "GetBucketCORS";
            case PUT_PUBLIC_ACCESS_BLOCK, DELETE_PUBLIC_ACCESS_BLOCK -> "PutBucketPublicAccessBlock";
            case GET_PUBLIC_ACCESS_BLOCK -> "GetBucketPublicAccessBlock";
            case DELETE_BUCKET_OWNERSHIP_CONTROLS -> "PutBucketOwnershipControls";
            case PUT_BUCKET_ENCRYPTION, DELETE_BUCKET_ENCRYPTION -> "PutEncryptionConfiguration";
            case GET_BUCKET_ENCRYPTION -> "GetEncryptionConfiguration";
            case PUT_BUCKET_LIFECYCLE_CONFIGURATION, DELETE_BUCKET_LIFECYCLE -> "PutLifecycleConfiguration";
            case GET_BUCKET_LIFECYCLE_CONFIGURATION -> "GetLifecycleConfiguration";
            case PUT_BUCKET_NOTIFICATION_CONFIGURATION -> "PutBucketNotification";
            case GET_BUCKET_NOTIFICATION_CONFIGURATION -> "GetBucketNotification";
            case PUT_OBJECT_LOCK_CONFIGURATION -> "PutBucketObjectLockConfiguration";
            case GET_OBJECT_LOCK_CONFIGURATION -> "GetBucketObjectLockConfiguration";
            case PUT_BUCKET_ACCELERATE_CONFIGURATION -> "PutAccelerateConfiguration";
            case GET_BUCKET_ACCELERATE_CONFIGURATION -> "GetAccelerateConfiguration";
            case PUT_BUCKET_REPLICATION, DELETE_BUCKET_REPLICATION -> "PutReplicationConfiguration";
            case GET_BUCKET_REPLICATION -> "GetReplicationConfiguration";
            case PUT_BUCKET_ANALYTICS_CONFIGURATION, DELETE_BUCKET_ANALYTICS_CONFIGURATION -> "PutAnalyticsConfiguration";
            case GET_BUCKET_ANALYTICS_CONFIGURATION, LIST_BUCKET_ANALYTICS_CONFIGURATIONS -> "GetAnalyticsConfiguration";
            case PUT_BUCKET_METRICS_CONFIGURATION, DELETE_BUCKET_METRICS_CONFIGURATION -> "PutMetricsConfiguration";
            case GET_BUCKET_METRICS_CONFIGURATION, LIST_BUCKET_METRICS_CONFIGURATIONS -> "GetMetricsConfiguration";
            case PUT_BUCKET_INVENTORY_CONFIGURATION, DELETE_BUCKET_INVENTORY_CONFIGURATION -> "PutInventoryConfiguration";
            case GET_BUCKET_INVENTORY_CONFIGURATION, LIST_BUCKET_INVENTORY_CONFIGURATIONS -> "GetInventoryConfiguration";
            case PUT_BUCKET_INTELLIGENT_TIERING_CONFIGURATION, DELETE_BUCKET_INTELLIGENT_TIERING_CONFIGURATION ->
                    "PutIntelligentTieringConfiguration";
            case GET_BUCKET_INTELLIGENT_TIERING_CONFIGURATION, LIST_BUCKET_INTELLIGENT_TIERING_CONFIGURATIONS ->
                    "GetIntelligentTieringConfiguration";
            // PutBucketWebsite, DeleteBucketWebsite, Put/GetBucketLogging, Put/GetBucketRequestPayment: as named
            default -> operation.s3Name();
        };
    }
}
