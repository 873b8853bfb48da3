package dev.mocks3.core.error;

/** The S3 error table: code, HTTP status and default message, as AWS documents them. */
public enum S3Error {
    ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
    BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available."),
    BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409,
            "Your previous request to create the named bucket succeeded and you already own it."),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
    INCOMPLETE_BODY("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403, "The AWS access key Id you provided does not exist in our records."),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
    INVALID_OBJECT_STATE("InvalidObjectState", 403, "The operation is not valid for the object's storage class"),
    INVALID_PART("InvalidPart", 400,
            "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag."),
    INVALID_PART_ORDER("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts must be ordered by part number."),
    INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
    INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
    INVALID_URI("InvalidURI", 400, "Couldn't parse the specified URI."),
    KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
    MALFORMED_POST_REQUEST("MalformedPOSTRequest", 400, "The body of your POST request is not well-formed multipart/form-data."),
    MAX_POST_PRE_DATA_LENGTH_EXCEEDED("MaxPostPreDataLengthExceeded", 400,
            "Your POST request fields preceding the upload file were too large."),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400,
            "The content of the form does not meet the conditions specified in the policy document."),
    MALFORMED_XML("MalformedXML", 400,
            "The XML you provided was not well-formed or did not validate against our published schema"),
    METADATA_TOO_LARGE("MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata size."),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
    MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
    MISSING_SECURITY_HEADER("MissingSecurityHeader", 400, "Your request was missing a required header"),
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
    NO_SUCH_LIFECYCLE_CONFIGURATION("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist"),
    NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist"),
    NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist."),
    NO_SUCH_UPLOAD("NoSuchUpload", 404,
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
    NOT_IMPLEMENTED("NotImplemented", 501, "A header or query you provided implies functionality that is not implemented."),
    NOT_MODIFIED("NotModified", 304, "Not Modified"),
    RESTORE_ALREADY_IN_PROGRESS("RestoreAlreadyInProgress", 409, "Object restore is already in progress"),
    OPERATION_ABORTED("OperationAborted", 409,
            "A conflicting conditional operation is currently in progress against this resource. Try again."),
    PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold"),
    REQUEST_HEADER_SECTION_TOO_LARGE("RequestHeaderSectionTooLarge", 400,
            "Your request header section exceeds the maximum allowed size."),
    REQUEST_TIMEOUT("RequestTimeout", 400,
            "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed."),
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403, "The difference between the request time and the server's time is too large."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
    SLOW_DOWN("SlowDown", 503, "Please reduce your request rate."),
    AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400, "The authorization header you provided is invalid."),
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400,
            "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."),
    EXPIRED_TOKEN("AccessDenied", 403, "Request has expired"),
    INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag."),
    INVALID_STORAGE_CLASS("InvalidStorageClass", 400, "The storage class you specified is not valid"),
    X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400,
            "The provided 'x-amz-content-sha256' header does not match what was computed."),
    BAD_CHECKSUM("BadDigest", 400, "The checksum you specified did not match the calculated checksum."),
    // bucket configuration and access control
    NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist"),
    CORS_NOT_ALLOWED("AccessForbidden", 403, "CORSResponse: This CORS request is not allowed. This is usually because the "
            + "evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are "
            + "not whitelisted by the resource's CORS spec."),
    CORS_BAD_REQUEST("BadRequest", 400, "Insufficient information. Origin request header needed."),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
    MALFORMED_POLICY("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
    MALFORMED_ACL("MalformedACLError", 400,
            "The XML you provided was not well-formed or did not validate against our published schema"),
    ACCESS_CONTROL_LIST_NOT_SUPPORTED("AccessControlListNotSupported", 400, "The bucket does not allow ACLs"),
    UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS("UnresolvableGrantByEmailAddress", 400,
            "The e-mail address you provided does not match any account on record."),
    NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION("NoSuchPublicAccessBlockConfiguration", 404,
            "The public access block configuration was not found"),
    OWNERSHIP_CONTROLS_NOT_FOUND("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found"),
    SSE_CONFIGURATION_NOT_FOUND("ServerSideEncryptionConfigurationNotFoundError", 404,
            "The server side encryption configuration was not found"),
    INVALID_ENCRYPTION_ALGORITHM("InvalidEncryptionAlgorithmError", 400,
            "The encryption request you specified is not valid. The valid value is AES256."),
    // object lock
    INVALID_BUCKET_STATE("InvalidBucketState", 409, "The request is not valid with the current state of the bucket."),
    OBJECT_LOCK_CONFIGURATION_NOT_FOUND("ObjectLockConfigurationNotFoundError", 404,
            "Object Lock configuration does not exist for this bucket"),
    NO_SUCH_OBJECT_LOCK_CONFIGURATION("NoSuchObjectLockConfiguration", 404,
            "The specified object does not have a ObjectLock configuration"),
    INVALID_RETENTION_PERIOD("InvalidRetentionPeriod", 400, "Default retention period must be a positive integer value."),
    MISSING_REQUEST_BODY("MissingRequestBodyError", 400, "Request Body is empty"),
    // website, logging, replication and the configurations kept by id
    NO_SUCH_WEBSITE_CONFIGURATION("NoSuchWebsiteConfiguration", 404, "The specified bucket does not have a website configuration"),
    REPLICATION_CONFIGURATION_NOT_FOUND("ReplicationConfigurationNotFoundError", 404,
            "The replication configuration was not found"),
    NO_SUCH_CONFIGURATION("NoSuchConfiguration", 404, "The specified configuration does not exist."),
    TOO_MANY_CONFIGURATIONS("TooManyConfigurations", 400,
            "You are attempting to create a new configuration but have already reached the 1,000-configuration limit."),
    INVALID_TARGET_BUCKET_FOR_LOGGING("InvalidTargetBucketForLogging", 400, "The target bucket for logging does not exist"),
    CROSS_LOCATION_LOGGING_PROHIBITED("CrossLocationLoggingProhibited", 403,
            "Cross S3 location logging not allowed.");

    private final String code;
    private final int status;
    private final String defaultMessage;

    S3Error(String code, int status, String defaultMessage) {
        this.code = code;
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public S3Exception exception() {
        return new S3Exception(this, defaultMessage, null);
    }

    public S3Exception exception(String message) {
        return new S3Exception(this, message, null);
    }

    public S3Exception at(String resource) {
        return new S3Exception(this, defaultMessage, resource);
    }
}
