package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Checks that a file holding a secret can be read by its owner alone. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    static void assertSecretFile(Path file, String secret) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file + "'s mode").isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains(secret);
    }
}
