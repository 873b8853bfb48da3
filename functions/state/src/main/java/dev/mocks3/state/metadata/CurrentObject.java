package dev.mocks3.state.metadata;

/** What a writer needs to know of the object it replaces; {@code versionId} null: the null version. */
record CurrentObject(String blobSha256, String etag, java.time.Instant lastModified, String versionId) {
}
