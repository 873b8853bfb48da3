package dev.mocks3.drive.http;

/** An answer the drive gives on purpose; it carries no stack trace (it is an expected outcome). */
public final class DriveException extends RuntimeException {
    private final DriveError error;

    DriveException(DriveError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public DriveError error() {
        return error;
    }
}
