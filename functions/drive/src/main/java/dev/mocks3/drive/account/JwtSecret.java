package dev.mocks3.drive.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 key: the configured secret, or a random one generated once and kept (mode 0600) in
 * {@code <data-dir>/drive/jwt-secret}, so tokens survive a restart.
 */
public final class JwtSecret {
    static final int MIN_BYTES = 32;

    private JwtSecret() {
    }

    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && configured.isBlank()) {
            // an empty key in the cluster's Secret: a key made up here would be this pod's alone
            throw new IllegalStateException("mocks3.drive.jwt-secret is set but empty");
        }
        if (configured != null) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("mocks3.drive.jwt-secret must be at least " + MIN_BYTES + " bytes");
            }
            return bytes;
        }
        Path file = dataDir.resolve("drive").resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(secret);
            Path tmp = Files.createTempFile(file.getParent(), "jwt-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(secret), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
            }
            // another instance on the same data folder may have written first: its secret wins
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the drive's JWT secret in " + file, e);
        }
    }
}
