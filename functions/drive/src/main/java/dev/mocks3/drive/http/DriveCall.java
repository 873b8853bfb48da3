package dev.mocks3.drive.http;

import dev.mocks3.core.drive.DriveEndpoint;

/**
 * One drive request as a function sees it: the endpoint, the authenticated user (null on the
 * endpoints that need none), the input (JSON body or query parameters) and the client's address.
 */
public record DriveCall(DriveEndpoint endpoint, Long userId, DriveInput input, String clientAddress) {

    /** The caller's id; the router has already refused calls without a valid token. */
    public long user() {
        if (userId == null) {
            throw DriveError.UNAUTHORIZED.exception();
        }
        return userId;
    }
}
