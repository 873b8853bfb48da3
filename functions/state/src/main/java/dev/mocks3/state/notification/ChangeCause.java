package dev.mocks3.state.notification;

/**
 * Why an object changed, as its notification record tells it.
 *
 * @param eventName the S3 event name, e.g. {@code s3:ObjectCreated:Put}
 * @param requestId the {@code x-amz-request-id} of the request that made the change, or null
 * @param principal the access key that made it, or null (anonymous, or MockS3 itself)
 * @param sourceIp  the client's address, or null
 */
public record ChangeCause(String eventName, String requestId, String principal, String sourceIp) {

    /** A change made by an S3 request. */
    public static ChangeCause of(dev.mocks3.core.call.S3Call call, String eventName) {
        var remote = call.request().remoteAddress();
        return new ChangeCause(eventName, call.request().requestId(), call.accessKey(),
                remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress());
    }

    /** A change MockS3 made itself (lifecycle expiry, a job): no request, no caller. */
    public static ChangeCause internal(String eventName) {
        return new ChangeCause(eventName, null, null, null);
    }

    /** The same change under another event name (a delete that added a delete marker). */
    public ChangeCause named(String otherEventName) {
        return new ChangeCause(otherEventName, requestId, principal, sourceIp);
    }
}
