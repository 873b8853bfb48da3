package dev.mocks3.junit.faults;

import java.net.URI;

/** The rules API refused a call: the status and the body it answered (which names the bad field). */
public final class RulesApiException extends RuntimeException {
    private final int status;
    private final String body;

    RulesApiException(String method, URI uri, int status, String body) {
        super(method + " " + uri + " answered " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
