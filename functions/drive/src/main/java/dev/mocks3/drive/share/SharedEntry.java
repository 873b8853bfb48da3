package dev.mocks3.drive.share;

import java.time.OffsetDateTime;

import dev.mocks3.drive.files.Entry;

/**
 * A file or folder as a share's visitor sees it: no SHA-256 (knowing it is enough for an instant
 * upload, so it would hand the content over without the share's limits). Top-level items show
 * {@code parentId} 0: the visitor learns nothing of the folder they are in.
 */
record SharedEntry(long id, long parentId, String name, String type, long size, OffsetDateTime updatedAt) {

    static SharedEntry of(Entry entry) {
        return new SharedEntry(entry.id(), entry.parentId(), entry.name(), entry.type(), entry.size(), entry.updatedAt());
    }

    static SharedEntry topLevel(Entry entry) {
        return new SharedEntry(entry.id(), 0, entry.name(), entry.type(), entry.size(), entry.updatedAt());
    }
}
