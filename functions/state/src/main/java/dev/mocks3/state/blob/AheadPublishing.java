package dev.mocks3.state.blob;

/**
 * Publishing a blob before the row that names it commits, so that the row can be written in one
 * autocommit statement instead of a transaction held open around the publication. The staged file is
 * kept ({@code kept-<sha256>-*}) until the blob is settled after the commit ({@code BlobReferences.settle}).
 *
 * <p>Why that is safe: a blob file is only deleted by an unreferenced check that holds the hash's advisory
 * lock, finds no {@code blobs} row (objects, versions, parts and composed blobs naming it) and deletes
 * before its commit. The writing statement takes that lock too, so once it returns, every deletion that
 * decided before our commit is over, and every later check sees our row until a later write releases it.
 * So after the commit, a file in place stays as long as a row names it ({@link #dropIfInPlace}: the common
 * case, no database work). A missing file was taken either before our commit (our row still names it: put
 * it back) or after a later release (no row: it stays gone); {@link #putBack} runs under the hash's lock
 * and only while a row names it, and a release committing after that has its own check, which waits for
 * the lock and then deletes it. A crash leaves the kept file in a dead process's folder: the storage sweep
 * settles it the same way; so does a failed write, whose row may or may not have committed, before its
 * hash is checked. Left open: in the rare put-back case, a read of the key between the commit and the put
 * back (one short transaction) finds the row but no file.
 */
public interface AheadPublishing {

    /** Makes the staged bytes readable under their hash (unless they are already), keeping the staged file. Blocking. */
    void publishAhead(StagedBlob staged);

    /**
     * After the commit: when the blob is in place, removes the staged file and answers true; otherwise
     * answers false and keeps the staged file for {@link #putBack}. Blocking.
     */
    boolean dropIfInPlace(StagedBlob staged);

    /**
     * Links the staged bytes under their hash unless they are there (nothing when the staged file is gone:
     * its bytes were published by a transaction). Only under the hash's lock, while a row names it. Blocking.
     */
    void putBack(StagedBlob staged);
}
