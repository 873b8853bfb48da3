package dev.mocks3.faults.rule;

import dev.mocks3.core.error.S3Error;

/** The S3 error an {@code http_error} action answers when the rule names only a status. */
final class S3Errors {
    private S3Errors() {
    }

    static String defaultCode(int status) {
        return switch (status) {
            case 500 -> "InternalError";
            case 503 -> "SlowDown";
            case 404 -> "NoSuchKey";
            default -> {
                for (S3Error e : S3Error.values()) {
                    if (e.status() == status) {
                        yield e.code();
                    }
                }
                yield "InjectedFault";
            }
        };
    }

    static String defaultMessage(int status) {
        String code = defaultCode(status);
        for (S3Error e : S3Error.values()) {
            if (e.code().equals(code)) {
                return e.defaultMessage();
            }
        }
        return "Fault injected by MockS3";
    }
}
