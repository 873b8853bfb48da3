package dev.mocks3.s3.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.S3Operation;

/**
 * The actions an object write's headers (a form's fields included) ask for besides {@code s3:PutObject},
 * each needing its own permission as on S3: an ACL {@code s3:PutObjectAcl}, {@code x-amz-tagging}
 * {@code s3:PutObjectTagging}, a retention {@code s3:PutObjectRetention}, a legal hold
 * {@code s3:PutObjectLegalHold}; and a delete conditional on the object's ETag {@code s3:GetObject}.
 */
final class ImpliedActions {
    static final String PUT_OBJECT_ACL = "s3:PutObjectAcl";
    private static final String GET_OBJECT = "s3:GetObject";
    private static final Set<S3Operation> WRITES = EnumSet.of(S3Operation.PUT_OBJECT, S3Operation.POST_OBJECT,
            S3Operation.COPY_OBJECT, S3Operation.CREATE_MULTIPART_UPLOAD);

    private ImpliedActions() {
    }

    static List<String> of(S3Operation operation, S3Request request) {
        if (operation == S3Operation.DELETE_OBJECT) {
            return conditionalDelete(request.header("If-Match") != null);
        }
        if (!WRITES.contains(operation)) {
            return List.of();
        }
        List<String> actions = new ArrayList<>(0);
        if (AclHeaders.present(request.headers())) {
            actions.add(PUT_OBJECT_ACL);
        }
        if (request.header("x-amz-tagging") != null) {
            actions.add("s3:PutObjectTagging");
        }
        if (request.header("x-amz-object-lock-mode") != null || request.header("x-amz-object-lock-retain-until-date") != null) {
            actions.add("s3:PutObjectRetention");
        }
        if (request.header("x-amz-object-lock-legal-hold") != null) {
            actions.add("s3:PutObjectLegalHold");
        }
        return actions;
    }

    /** A delete conditional on the object's ETag reads it, so S3 asks {@code s3:GetObject} of it too. */
    static List<String> conditionalDelete(boolean conditional) {
        return conditional ? List.of(GET_OBJECT) : List.of();
    }
}
