package dev.mocks3.core.routing;

/** What a request path addresses: the service root, a bucket, or an object in a bucket. */
public enum Target {
    SERVICE, BUCKET, OBJECT
}
