package dev.mocks3.drive.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The document's response shape: {@code {"code":200,"msg":"OK","data":{...}}}; errors carry no data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(int code, String msg, Object data) {

    public static Envelope ok(Object data) {
        return new Envelope(200, "OK", data);
    }

    public static Envelope error(DriveError error, String message) {
        return new Envelope(error.code(), message, null);
    }
}
