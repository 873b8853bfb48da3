package dev.mocks3.s3.access;

import java.util.Optional;

import dev.mocks3.core.routing.S3Operation;

/**
 * The ACL permission an operation needs from someone other than the bucket owner, and whether the
 * bucket's ACL or the object's grants it: READ on a bucket lists it, WRITE writes and deletes its
 * objects, READ on an object reads it, READ_ACP / WRITE_ACP read and write the ACL itself.
 */
record AclPermission(String permission, boolean onObject) {

    static Optional<AclPermission> of(S3Operation operation) {
        return Optional.ofNullable(switch (operation) {
            case LIST_OBJECTS, LIST_OBJECTS_V2, LIST_OBJECT_VERSIONS, HEAD_BUCKET, LIST_MULTIPART_UPLOADS ->
                    new AclPermission("READ", false);
            case PUT_OBJECT, POST_OBJECT, COPY_OBJECT, DELETE_OBJECT, DELETE_OBJECTS, CREATE_MULTIPART_UPLOAD, UPLOAD_PART,
                 UPLOAD_PART_COPY, COMPLETE_MULTIPART_UPLOAD, ABORT_MULTIPART_UPLOAD, LIST_PARTS ->
                    new AclPermission("WRITE", false);
            case GET_BUCKET_ACL -> new AclPermission("READ_ACP", false);
            case PUT_BUCKET_ACL -> new AclPermission("WRITE_ACP", false);
            case GET_OBJECT, HEAD_OBJECT -> new AclPermission("READ", true);
            case GET_OBJECT_ACL -> new AclPermission("READ_ACP", true);
            case PUT_OBJECT_ACL -> new AclPermission("WRITE_ACP", true);
            default -> null;
        });
    }
}
