package dev.mocks3.s3.lock;

/** The two Object Lock retention modes, spelled as S3 spells them (upper case only). */
public enum RetentionMode {
    GOVERNANCE, COMPLIANCE;

    /** The mode this text names exactly, or null. */
    static RetentionMode named(String text) {
        for (RetentionMode mode : values()) {
            if (mode.name().equals(text)) {
                return mode;
            }
        }
        return null;
    }
}
