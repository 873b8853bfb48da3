package dev.mocks3.core.routing;

import static dev.mocks3.core.routing.S3Operation.*;
import static dev.mocks3.core.routing.Target.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The single routing table: which method + target + query + header shape is which S3 operation.
 * The local dispatcher, the Gateway API routes and the Knative services are all derived from
 * (or tested against) this list. Order matters: the first matching row wins.
 */
public final class Routes {

    public static final String COPY_SOURCE = "x-amz-copy-source";

    public static final List<Route> ALL = List.of(
            route("GET", SERVICE, Set.of(), LIST_BUCKETS),

            route("GET", BUCKET, Set.of("location"), GET_BUCKET_LOCATION),
            route("GET", BUCKET, Set.of("notification"), GET_BUCKET_NOTIFICATION_CONFIGURATION),
            route("PUT", BUCKET, Set.of("notification"), PUT_BUCKET_NOTIFICATION_CONFIGURATION),
            route("GET", BUCKET, Set.of("uploads"), LIST_MULTIPART_UPLOADS),
            route("PUT", BUCKET, Set.of("lifecycle"), PUT_BUCKET_LIFECYCLE_CONFIGURATION),
            route("GET", BUCKET, Set.of("lifecycle"), GET_BUCKET_LIFECYCLE_CONFIGURATION),
            route("DELETE", BUCKET, Set.of("lifecycle"), DELETE_BUCKET_LIFECYCLE),
            // bucket configuration and access control (wt-bucketcfg)
            route("PUT", BUCKET, Set.of("cors"), PUT_BUCKET_CORS),
            route("GET", BUCKET, Set.of("cors"), GET_BUCKET_CORS),
            route("DELETE", BUCKET, Set.of("cors"), DELETE_BUCKET_CORS),
            route("OPTIONS", BUCKET, Set.of(), CORS_PREFLIGHT),
            route("PUT", BUCKET, Set.of("policy"), PUT_BUCKET_POLICY),
            route("GET", BUCKET, Set.of("policy"), GET_BUCKET_POLICY),
            route("DELETE", BUCKET, Set.of("policy"), DELETE_BUCKET_POLICY),
            route("GET", BUCKET, Set.of("policyStatus"), GET_BUCKET_POLICY_STATUS),
            route("PUT", BUCKET, Set.of("acl"), PUT_BUCKET_ACL),
            route("GET", BUCKET, Set.of("acl"), GET_BUCKET_ACL),
            route("PUT", BUCKET, Set.of("publicAccessBlock"), PUT_PUBLIC_ACCESS_BLOCK),
            route("GET", BUCKET, Set.of("publicAccessBlock"), GET_PUBLIC_ACCESS_BLOCK),
            route("DELETE", BUCKET, Set.of("publicAccessBlock"), DELETE_PUBLIC_ACCESS_BLOCK),
            route("PUT", BUCKET, Set.of("ownershipControls"), PUT_BUCKET_OWNERSHIP_CONTROLS),
            route("GET", BUCKET, Set.of("ownershipControls"), GET_BUCKET_OWNERSHIP_CONTROLS),
            route("DELETE", BUCKET, Set.of("ownershipControls"), DELETE_BUCKET_OWNERSHIP_CONTROLS),
            route("PUT", BUCKET, Set.of("encryption"), PUT_BUCKET_ENCRYPTION),
            route("GET", BUCKET, Set.of("encryption"), GET_BUCKET_ENCRYPTION),
            route("DELETE", BUCKET, Set.of("encryption"), DELETE_BUCKET_ENCRYPTION),
            // object lock (bucket)
            route("PUT", BUCKET, Set.of("object-lock"), PUT_OBJECT_LOCK_CONFIGURATION),
            route("GET", BUCKET, Set.of("object-lock"), GET_OBJECT_LOCK_CONFIGURATION),
            // bucket configurations Terraform and SDK tools read (wt-cfg14)
            route("PUT", BUCKET, Set.of("website"), PUT_BUCKET_WEBSITE),
            route("GET", BUCKET, Set.of("website"), GET_BUCKET_WEBSITE),
            route("DELETE", BUCKET, Set.of("website"), DELETE_BUCKET_WEBSITE),
            route("PUT", BUCKET, Set.of("accelerate"), PUT_BUCKET_ACCELERATE_CONFIGURATION),
            route("GET", BUCKET, Set.of("accelerate"), GET_BUCKET_ACCELERATE_CONFIGURATION),
            route("PUT", BUCKET, Set.of("requestPayment"), PUT_BUCKET_REQUEST_PAYMENT),
            route("GET", BUCKET, Set.of("requestPayment"), GET_BUCKET_REQUEST_PAYMENT),
            route("PUT", BUCKET, Set.of("logging"), PUT_BUCKET_LOGGING),
            route("GET", BUCKET, Set.of("logging"), GET_BUCKET_LOGGING),
            route("PUT", BUCKET, Set.of("replication"), PUT_BUCKET_REPLICATION),
            route("GET", BUCKET, Set.of("replication"), GET_BUCKET_REPLICATION),
            route("DELETE", BUCKET, Set.of("replication"), DELETE_BUCKET_REPLICATION),
            // configurations kept by id: GET with an id reads one, without lists them
            route("PUT", BUCKET, Set.of("analytics"), PUT_BUCKET_ANALYTICS_CONFIGURATION),
            route("GET", BUCKET, Set.of("analytics", "id"), GET_BUCKET_ANALYTICS_CONFIGURATION),
            route("GET", BUCKET, Set.of("analytics"), LIST_BUCKET_ANALYTICS_CONFIGURATIONS),
            route("DELETE", BUCKET, Set.of("analytics"), DELETE_BUCKET_ANALYTICS_CONFIGURATION),
            route("PUT", BUCKET, Set.of("metrics"), PUT_BUCKET_METRICS_CONFIGURATION),
            route("GET", BUCKET, Set.of("metrics", "id"), GET_BUCKET_METRICS_CONFIGURATION),
            route("GET", BUCKET, Set.of("metrics"), LIST_BUCKET_METRICS_CONFIGURATIONS),
            route("DELETE", BUCKET, Set.of("metrics"), DELETE_BUCKET_METRICS_CONFIGURATION),
            route("PUT", BUCKET, Set.of("inventory"), PUT_BUCKET_INVENTORY_CONFIGURATION),
            route("GET", BUCKET, Set.of("inventory", "id"), GET_BUCKET_INVENTORY_CONFIGURATION),
            route("GET", BUCKET, Set.of("inventory"), LIST_BUCKET_INVENTORY_CONFIGURATIONS),
            route("DELETE", BUCKET, Set.of("inventory"), DELETE_BUCKET_INVENTORY_CONFIGURATION),
            route("PUT", BUCKET, Set.of("intelligent-tiering"), PUT_BUCKET_INTELLIGENT_TIERING_CONFIGURATION),
            route("GET", BUCKET, Set.of("intelligent-tiering", "id"), GET_BUCKET_INTELLIGENT_TIERING_CONFIGURATION),
            route("GET", BUCKET, Set.of("intelligent-tiering"), LIST_BUCKET_INTELLIGENT_TIERING_CONFIGURATIONS),
            route("DELETE", BUCKET, Set.of("intelligent-tiering"), DELETE_BUCKET_INTELLIGENT_TIERING_CONFIGURATION),

            // versioning and tagging (bucket)
            route("PUT", BUCKET, Set.of("versioning"), PUT_BUCKET_VERSIONING),
            route("GET", BUCKET, Set.of("versioning"), GET_BUCKET_VERSIONING),
            route("GET", BUCKET, Set.of("versions"), LIST_OBJECT_VERSIONS),
            route("PUT", BUCKET, Set.of("tagging"), PUT_BUCKET_TAGGING),
            route("GET", BUCKET, Set.of("tagging"), GET_BUCKET_TAGGING),
            route("DELETE", BUCKET, Set.of("tagging"), DELETE_BUCKET_TAGGING),
            route("GET", BUCKET, Set.of("list-type"), LIST_OBJECTS_V2),
            route("GET", BUCKET, Set.of(), LIST_OBJECTS),
            route("PUT", BUCKET, Set.of(), CREATE_BUCKET),
            route("HEAD", BUCKET, Set.of(), HEAD_BUCKET),
            route("DELETE", BUCKET, Set.of(), DELETE_BUCKET),
            route("POST", BUCKET, Set.of("delete"), DELETE_OBJECTS),
            route("POST", BUCKET, Set.of(), POST_OBJECT),

            route("POST", OBJECT, Set.of("uploads"), CREATE_MULTIPART_UPLOAD),
            route("POST", OBJECT, Set.of("uploadId"), COMPLETE_MULTIPART_UPLOAD),
            route("POST", OBJECT, Set.of("restore"), RESTORE_OBJECT),
            new Route("PUT", OBJECT, Set.of("partNumber", "uploadId"), COPY_SOURCE, UPLOAD_PART_COPY),
            route("PUT", OBJECT, Set.of("partNumber", "uploadId"), UPLOAD_PART),
            route("GET", OBJECT, Set.of("uploadId"), LIST_PARTS),
            route("DELETE", OBJECT, Set.of("uploadId"), ABORT_MULTIPART_UPLOAD),
            // with x-amz-copy-source too, so that a gateway (header matches outrank query matches) agrees
            new Route("PUT", OBJECT, Set.of("acl"), COPY_SOURCE, PUT_OBJECT_ACL),
            route("PUT", OBJECT, Set.of("acl"), PUT_OBJECT_ACL),
            route("GET", OBJECT, Set.of("acl"), GET_OBJECT_ACL),
            route("GET", OBJECT, Set.of("attributes"), GET_OBJECT_ATTRIBUTES),
            route("OPTIONS", OBJECT, Set.of(), CORS_PREFLIGHT),
            // object lock (object); rows with the copy header for the same reason as tagging's below
            new Route("PUT", OBJECT, Set.of("retention"), COPY_SOURCE, PUT_OBJECT_RETENTION),
            route("PUT", OBJECT, Set.of("retention"), PUT_OBJECT_RETENTION),
            route("GET", OBJECT, Set.of("retention"), GET_OBJECT_RETENTION),
            new Route("PUT", OBJECT, Set.of("legal-hold"), COPY_SOURCE, PUT_OBJECT_LEGAL_HOLD),
            route("PUT", OBJECT, Set.of("legal-hold"), PUT_OBJECT_LEGAL_HOLD),
            route("GET", OBJECT, Set.of("legal-hold"), GET_OBJECT_LEGAL_HOLD),
            // tagging (object); the row with the copy header keeps a gateway (which prefers header
            // matches) from sending a PutObjectTagging that carries x-amz-copy-source to CopyObject
            new Route("PUT", OBJECT, Set.of("tagging"), COPY_SOURCE, PUT_OBJECT_TAGGING),
            route("PUT", OBJECT, Set.of("tagging"), PUT_OBJECT_TAGGING),
            route("GET", OBJECT, Set.of("tagging"), GET_OBJECT_TAGGING),
            route("DELETE", OBJECT, Set.of("tagging"), DELETE_OBJECT_TAGGING),
            new Route("PUT", OBJECT, Set.of(), COPY_SOURCE, COPY_OBJECT),
            route("PUT", OBJECT, Set.of(), PUT_OBJECT),
            route("GET", OBJECT, Set.of("partNumber"), GET_OBJECT),
            route("HEAD", OBJECT, Set.of("partNumber"), HEAD_OBJECT),
            route("GET", OBJECT, Set.of(), GET_OBJECT),
            route("HEAD", OBJECT, Set.of(), HEAD_OBJECT),
            route("DELETE", OBJECT, Set.of(), DELETE_OBJECT));

    private Routes() {
    }

    private static Route route(String method, Target target, Set<String> query, S3Operation op) {
        return new Route(method, target, query, null, op);
    }

    /** The operation a request asks for, or empty when no row matches (NotImplemented / MethodNotAllowed). */
    public static Optional<S3Operation> classify(String method, Target target, Set<String> queryKeys,
                                                 Route.HeaderLookup headers) {
        for (Route route : ALL) {
            if (route.matches(method, target, queryKeys, headers)) {
                return Optional.of(route.operation());
            }
        }
        return Optional.empty();
    }

    /** The rows that serve one operation, e.g. for generating gateway routes. */
    public static List<Route> of(S3Operation operation) {
        return ALL.stream().filter(r -> r.operation() == operation).toList();
    }
}
