package dev.mocks3.state.blob;

/**
 * Publishing a blob before the row that names it commits, so that the row can be written in one
 * autocommit statement instead of a transaction held open around the publication.
 *
 * <p>Without the hash's lock, a check that runs between {@link #publishAhead} and the commit, and finds
 * no row naming the hash (a concurrent overwrite dropped its last reference), deletes the file. So
 * the staged file is kept until {@link #settle}, which runs after the commit and puts the file back
 * if it is gone: such a check holds the hash's lock while it deletes, the writing statement takes
 * that lock too, so a deletion that raced the publication is over, and visible, when the statement
 * returns; a check that starts after the commit sees the row and keeps the file.
 */
public interface AheadPublishing {

    /** Makes the staged bytes readable under their hash (unless they are already), keeping the staged file. Blocking. */
    void publishAhead(StagedBlob staged);

    /**
     * After the commit of a row naming the blob: puts the bytes back under their hash if a deletion
     * took them since {@link #publishAhead}, and removes the staged file. Blocking.
     */
    void settle(StagedBlob staged);
}
