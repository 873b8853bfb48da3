package dev.mocks3.drive.upload;

import dev.mocks3.drive.files.EntryNames;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveInput;

/** What a client declares about a file it uploads: where, under which name, how big, which SHA-256. */
record FileDeclaration(long parentId, String name, long size, String sha256) {
    /** S3's largest object. */
    static final long MAX_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

    static FileDeclaration from(DriveInput input) {
        long parent = input.id("parentId", EntryStore.ROOT);
        String name = EntryNames.require(input.text("name"));
        long size = input.number("size");
        if (size < 0) {
            throw DriveError.BAD_REQUEST.exception("size must not be negative");
        }
        if (size > MAX_SIZE) {
            throw DriveError.TOO_LARGE.exception("size exceeds 5 TiB");
        }
        return new FileDeclaration(parent, name, size, input.sha256("sha256"));
    }
}
