package dev.mocks3.drive.files;

import java.time.OffsetDateTime;

/** How a folder listing is sorted: by name, modification time or size, ascending or descending. */
public record ListOrder(String sort, boolean descending) {

    String column() {
        return switch (sort) {
            case "time" -> "updated_at";
            case "size" -> "size";
            default -> "name";
        };
    }

    /** The sort key of an entry, as a cursor keeps it. */
    String keyOf(Entry entry) {
        return switch (sort) {
            case "time" -> entry.updatedAt().toString();
            case "size" -> Long.toString(entry.size());
            default -> entry.name();
        };
    }

    /** A cursor's key back in the column's type. */
    Object parseKey(String key) {
        return switch (sort) {
            case "time" -> OffsetDateTime.parse(key);
            case "size" -> Long.parseLong(key);
            default -> key;
        };
    }
}
