package dev.mocks3.state.metadata;

/** A bucket's versioning state; UNVERSIONED until versioning is first enabled or suspended. */
public enum Versioning {
    UNVERSIONED, ENABLED, SUSPENDED;

    /** The buckets.versioning column: null, 'Enabled' or 'Suspended'. */
    static Versioning of(String column) {
        if (column == null) {
            return UNVERSIONED;
        }
        return column.equals("Enabled") ? ENABLED : SUSPENDED;
    }

    /** The Status S3 reports, or null when versioning was never configured. */
    public String status() {
        return switch (this) {
            case UNVERSIONED -> null;
            case ENABLED -> "Enabled";
            case SUSPENDED -> "Suspended";
        };
    }
}
