package dev.mocks3.core.routing;

/**
 * Every S3 operation MockS3 serves. The function name is the Spring Cloud Function bean that
 * serves it, and the Knative service that exposes it on a cluster.
 */
public enum S3Operation {
    LIST_BUCKETS("ListBuckets", "listBuckets"),
    CREATE_BUCKET("CreateBucket", "createBucket"),
    HEAD_BUCKET("HeadBucket", "headBucket"),
    DELETE_BUCKET("DeleteBucket", "deleteBucket"),
    GET_BUCKET_LOCATION("GetBucketLocation", "getBucketLocation"),
    LIST_OBJECTS("ListObjects", "listObjects"),
    LIST_OBJECTS_V2("ListObjectsV2", "listObjectsV2"),
    DELETE_OBJECTS("DeleteObjects", "deleteObjects"),
    PUT_OBJECT("PutObject", "putObject"),
    COPY_OBJECT("CopyObject", "copyObject"),
    GET_OBJECT("GetObject", "getObject"),
    HEAD_OBJECT("HeadObject", "headObject"),
    DELETE_OBJECT("DeleteObject", "deleteObject"),
    CREATE_MULTIPART_UPLOAD("CreateMultipartUpload", "createMultipartUpload"),
    UPLOAD_PART("UploadPart", "uploadPart"),
    UPLOAD_PART_COPY("UploadPartCopy", "uploadPartCopy"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", "completeMultipartUpload"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", "abortMultipartUpload"),
    LIST_PARTS("ListParts", "listParts"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads", "listMultipartUploads");

    private final String s3Name;
    private final String functionName;

    S3Operation(String s3Name, String functionName) {
        this.s3Name = s3Name;
        this.functionName = functionName;
    }

    /** The name AWS documents the operation under, e.g. {@code PutObject}. */
    public String s3Name() {
        return s3Name;
    }

    /** The function bean serving this operation, e.g. {@code putObject}. */
    public String functionName() {
        return functionName;
    }

    public static java.util.Optional<S3Operation> byS3Name(String name) {
        for (S3Operation op : values()) {
            if (op.s3Name.equalsIgnoreCase(name) || op.functionName.equalsIgnoreCase(name)) {
                return java.util.Optional.of(op);
            }
        }
        return java.util.Optional.empty();
    }
}
