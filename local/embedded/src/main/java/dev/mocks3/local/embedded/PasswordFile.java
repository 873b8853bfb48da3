package dev.mocks3.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A server's generated password, kept in a file that only its owner may read (0600), so other local
 * users can neither read it nor log in without it.
 */
record PasswordFile(Path path) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new random password of 32 hex digits: safe inside SQL quotes, shell words and Redis inline commands. */
    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    Optional<String> read() throws IOException {
        return Files.exists(path) ? Optional.of(Files.readString(path).strip()) : Optional.empty();
    }

    /** Writes the password into place atomically; the file is private from the moment it exists. */
    void write(String password) throws IOException {
        Path partial = writePrivate(path.resolveSibling(path.getFileName() + ".partial"), password);
        Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code text} to a new file with mode 0600, replacing any earlier one. */
    static Path writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, text);
    }
}
