package dev.mocks3.drive.files;

import java.nio.charset.StandardCharsets;

import dev.mocks3.drive.http.DriveError;

/** What a file or folder may be called, and the " (n)" names tried when one is taken. */
public final class EntryNames {
    static final int MAX_BYTES = 255;

    private EntryNames() {
    }

    /** The name as given, or 300003 saying what is wrong with it. */
    public static String require(String name) {
        if (name.isEmpty() || name.isBlank()) {
            throw DriveError.INVALID_NAME.exception("name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw DriveError.INVALID_NAME.exception("name must not be . or ..");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw DriveError.INVALID_NAME.exception("name must not contain / or \\");
            }
            if (c < 0x20 || c == 0x7f) {
                throw DriveError.INVALID_NAME.exception("name must not contain control characters (NUL included)");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                throw DriveError.INVALID_NAME.exception("name is not valid Unicode");
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DriveError.INVALID_NAME.exception("name must not exceed " + MAX_BYTES + " bytes in UTF-8");
        }
        return name;
    }

    /** {@code report (2).pdf} for {@code report.pdf} and n = 2; folders and dot-files get the suffix at the end. */
    public static String numbered(String name, int n, boolean folder) {
        int dot = folder ? -1 : name.lastIndexOf('.');
        String suffix = " (" + n + ")";
        String candidate = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DriveError.NAME_TAKEN.exception("name taken, and no numbered name fits in " + MAX_BYTES + " bytes");
        }
        return candidate;
    }
}
