package dev.mocks3.state.config;

/** The kinds of bucket configuration documents {@link BucketConfigurationStore} keeps. */
public enum BucketSetting {
    CORS("cors"),
    POLICY("policy"),
    ACL("acl"),
    PUBLIC_ACCESS_BLOCK("publicAccessBlock"),
    OWNERSHIP_CONTROLS("ownershipControls"),
    ENCRYPTION("encryption"),
    /** The ObjectLockConfiguration of a bucket with Object Lock enabled (present: enabled, for good). */
    OBJECT_LOCK("objectLock"),
    WEBSITE("website"),
    ACCELERATE("accelerate"),
    REQUEST_PAYMENT("requestPayment"),
    LOGGING("logging"),
    REPLICATION("replication"),
    /** Kept by id: one row per configuration, kind {@code analytics:<id>} (see {@link BucketConfigurationStore#putEntry}). */
    ANALYTICS("analytics"),
    METRICS("metrics"),
    INVENTORY("inventory"),
    INTELLIGENT_TIERING("intelligentTiering");

    private final String kind;

    BucketSetting(String kind) {
        this.kind = kind;
    }

    /** The value of the {@code kind} column. */
    public String kind() {
        return kind;
    }

    static BucketSetting ofKind(String kind) {
        for (BucketSetting setting : values()) {
            if (setting.kind.equals(kind)) {
                return setting;
            }
        }
        throw new IllegalStateException("unknown bucket setting " + kind);
    }
}
