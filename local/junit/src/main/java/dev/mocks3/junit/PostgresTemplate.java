package dev.mocks3.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import dev.mocks3.local.embedded.EmbeddedPostgres;
import dev.mocks3.local.embedded.FileTree;

/**
 * A PostgreSQL cluster made once ({@code initdb} and the database {@code mocks3}) and copied into every
 * new data folder, so a test class's MockS3 starts PostgreSQL on a ready cluster instead of running
 * {@code initdb} again. The template lives in {@code mocks3.junit.template-dir} (default: a folder of the
 * temporary directory named after the PostgreSQL binaries jar) and outlives the JVM, so later runs skip
 * {@code initdb} too. A file lock keeps JVMs that build it at once from meeting.
 */
final class PostgresTemplate {
    /** Bump when the layout below changes, so old templates are not used. */
    private static final String LAYOUT = "1";
    private static final Object BUILDING = new Object();

    private PostgresTemplate() {
    }

    /**
     * Lays a ready cluster into {@code dataDir} as the local runner expects it: {@code postgres/pgdata}
     * and the password file copied, the unpacked binaries linked (they are only read).
     */
    static void copyInto(Path dataDir) {
        Path template = ready();
        try {
            Path work = dataDir.resolve("postgres");
            Path service = work.resolve("postgres");
            Files.createDirectories(service);
            copyTree(template.resolve("postgres/pgdata"), work.resolve("pgdata"));
            Files.copy(template.resolve("postgres/postgres/password"), service.resolve("password"),
                    StandardCopyOption.COPY_ATTRIBUTES);
            Files.createSymbolicLink(service.resolve("binaries"), template.resolve("postgres/postgres/binaries"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the PostgreSQL template " + template + " into " + dataDir, e);
        }
    }

    /** The template folder, built first if missing. */
    static Path ready() {
        Path template = location();
        if (Files.isRegularFile(template.resolve("complete"))) {
            return template;
        }
        synchronized (BUILDING) {
            try {
                Files.createDirectories(template.getParent());
                try (FileChannel channel = FileChannel.open(template.resolveSibling(template.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (!Files.isRegularFile(template.resolve("complete"))) {
                        build(template);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not build the PostgreSQL template in " + template, e);
            }
        }
        return template;
    }

    /** Runs {@code initdb} once through the local runner's own embedded PostgreSQL, then stops it. */
    private static void build(Path template) throws IOException {
        FileTree.delete(template);
        Path building = template.resolveSibling(template.getFileName() + ".building-" + UUID.randomUUID());
        try {
            EmbeddedPostgres.start(building.resolve("postgres"), 0).close();
            Files.writeString(building.resolve("complete"), "made by mocks3-junit, layout " + LAYOUT + "\n");
            Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTree.delete(building);
        }
    }

    private static Path location() {
        String configured = System.getProperty("mocks3.junit.template-dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "mocks3-junit", "postgres-template-" + binariesId())
                .toAbsolutePath();
    }

    /** Names the PostgreSQL binaries in use by the jar they come from, which carries their version. */
    private static String binariesId() {
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
        if (archive == null) {
            archive = EmbeddedPostgres.class.getClassLoader().getResource("postgres-linux-arm_64.txz");
        }
        String source = (archive == null ? "none" : archive.toString()) + "|layout " + LAYOUT;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Copies a tree with owners and modes (the cluster belongs to the user PostgreSQL runs as). */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.copy(dir, to.resolve(from.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
