package dev.mocks3.state.blob;

/**
 * Publishing a blob before the row that names it commits, so that the row can be written in one
 * autocommit statement instead of a transaction held open around the publication. The staged file
 * is kept (as {@code kept-<sha256>-*}) until the blob is settled after the commit
 * ({@code BlobReferences.settle}).
 *
 * <p>Why that is safe. A blob file is only ever deleted by an unreferenced check that holds the hash's
 * advisory lock, finds no {@code blobs} row for it (the count of objects, versions, parts and composed
 * blobs naming it) and deletes before its commit releases the lock. The writing statement takes that
 * lock too, so when it returns, every deletion that decided before our row committed is over, and
 * every later one sees our row until a later write releases it. Hence, after the commit:
 * <ul>
 * <li>the file is there ({@link #dropIfInPlace}, the common case, no database work): it stays until no
 *     row names it, so only the staged file goes;
 * <li>the file is missing: either a check took it before the commit (our row still names it: put it
 *     back) or a later write released our row and a check rightly took it (no row: leave it gone). Only a
 *     look at the {@code blobs} row under the hash's lock tells which, so {@link #putBack} runs under the
 *     lock, only while a row names the hash; a release that commits after it is followed by its own check,
 *     which waits for the lock and then deletes what we put back.
 * </ul>
 * A crash anywhere leaves the kept file in a dead process's folder; the storage sweep settles it the same
 * way, so it puts a blob back only while a row names it. A write that fails settles the same way too, then
 * has the hash checked: a blob published for a row that never committed goes. The one window left: in
 * the rare case a check took the file before the commit, a read of the key finds the row but no file from
 * the commit until the put back (one short transaction later).
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
