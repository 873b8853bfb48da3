package dev.mocks3.drive.account;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.DriveInput;

/** What register and login accept: a mainland China mobile number and a password of 6 to 128 characters. */
record Credentials(String mobile, String password) {
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD_BYTES = 128;

    /** A new user's credentials: the password must also be strong enough. */
    static Credentials from(DriveInput input) {
        Credentials given = given(input);
        String password = given.password();
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw DriveError.BAD_REQUEST.exception("password too weak: at least " + MIN_PASSWORD + " characters");
        }
        if (password.chars().allMatch(c -> c == password.charAt(0))) {
            throw DriveError.BAD_REQUEST.exception("password too weak: all characters are the same");
        }
        return given;
    }

    /** Credentials as a login gives them: a well-formed mobile and a password of sane length. */
    static Credentials given(DriveInput input) {
        String mobile = input.text("mobile").strip();
        if (!MOBILE.matcher(mobile).matches()) {
            throw DriveError.BAD_REQUEST.exception("mobile must be an 11-digit mobile number");
        }
        String password = input.text("password");
        if (password.isEmpty()) {
            throw DriveError.BAD_REQUEST.exception("password is required");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DriveError.BAD_REQUEST.exception("password too long: at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return new Credentials(mobile, password);
    }

    static String name(DriveInput input) {
        String name = input.text("name").strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 64 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw DriveError.BAD_REQUEST.exception("name must be 1 to 64 printable characters");
        }
        return name;
    }
}
