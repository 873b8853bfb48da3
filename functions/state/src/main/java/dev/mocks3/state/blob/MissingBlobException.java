package dev.mocks3.state.blob;

/** The content a row names is not in the blob store (it was released and deleted after the row was read). */
public final class MissingBlobException extends RuntimeException {
    public MissingBlobException(String sha256) {
        super("blob " + sha256 + " is missing from the blob store", null, false, false);
    }
}
