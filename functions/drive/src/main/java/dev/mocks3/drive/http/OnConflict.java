package dev.mocks3.drive.http;

/** What to do when a name is already taken in the target folder. */
public enum OnConflict {
    /** answer 300002 */
    ERROR,
    /** take the first free "name (n).ext" */
    RENAME
}
