package dev.mocks3.s3.http;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.metadata.VersionIds;

/** The {@code versionId} query parameter of an object request: null when absent, refused when malformed. */
public final class RequestedVersion {
    private RequestedVersion() {
    }

    public static String of(S3Request request) {
        return checked(request.queryParam("versionId"));
    }

    /** A version id from a query, a copy source or a DeleteObjects entry; null stays null. */
    public static String checked(String versionId) {
        if (versionId == null) {
            return null;
        }
        if (!VersionIds.isWellFormed(versionId)) {
            throw S3Error.INVALID_ARGUMENT.exception("Invalid version id specified").with("ArgumentName", "versionId")
                    .with("ArgumentValue", versionId);
        }
        return versionId;
    }
}
