package dev.mocks3.drive.http;

/** Every error the drive answers, in the document's envelope: numbered code, message, HTTP status. */
public enum DriveError {
    INTERNAL(100001, 500, "internal error"),
    BAD_REQUEST(100002, 400, "invalid request"),
    UNAUTHORIZED(100003, 401, "token missing, invalid or expired"),
    TOO_MANY_REQUESTS(100004, 429, "too many attempts, try again later"),
    NO_SUCH_ENDPOINT(100005, 404, "no such endpoint"),
    METHOD_NOT_ALLOWED(100006, 405, "method not allowed"),
    STORAGE_UNAVAILABLE(100007, 503, "storage unavailable, try again"),
    BAD_CREDENTIALS(200001, 401, "mobile or password incorrect"),
    MOBILE_TAKEN(200002, 409, "mobile already registered"),
    NOT_FOUND(300001, 404, "file or folder not found"),
    NAME_TAKEN(300002, 409, "a file or folder of that name already exists here"),
    INVALID_NAME(300003, 400, "invalid name"),
    MOVE_INTO_ITSELF(300004, 400, "a folder cannot go into itself or its descendant"),
    QUOTA_EXCEEDED(300005, 403, "quota exceeded"),
    NOT_A_FOLDER(300006, 400, "not a folder"),
    NOT_A_FILE(300007, 400, "not a file"),
    UPLOAD_NOT_FOUND(300008, 404, "upload not found"),
    UPLOAD_INCOMPLETE(300009, 409, "upload incomplete: bytes missing"),
    UPLOAD_MISMATCH(300010, 422, "uploaded bytes do not match the declared size or SHA-256"),
    TOO_LARGE_TO_STREAM(300011, 413, "file too large to stream; use the download URL"),
    TOO_LARGE(300012, 413, "file too large"),
    UPLOAD_VERIFYING(300013, 202, "the upload is being verified; call back again"),
    SHARE_NOT_FOUND(400001, 404, "share not found, cancelled or expired"),
    WRONG_CODE(400002, 403, "extraction code incorrect"),
    DOWNLOAD_LIMIT_REACHED(400003, 403, "the share's download limit is reached"),
    SHARE_TOKEN_INVALID(400004, 401, "share token missing, invalid or expired; validate the code again"),
    INVALID_CODE(400005, 400, "extraction code must be 4 letters or digits");

    private final int code;
    private final int status;
    private final String message;

    DriveError(int code, int status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public DriveException exception() {
        return new DriveException(this, message);
    }

    /** The error with a message that says what exactly was wrong. */
    public DriveException exception(String detail) {
        return new DriveException(this, detail);
    }
}
