package dev.mocks3.local.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/** Where a redis-server program comes from: the embedded-redis jar, or the PATH. */
sealed interface RedisProgram {

    /** Returns the program file, unpacking it into {@code cache} if it comes from a jar. */
    Path locate(Path cache) throws IOException;

    /** The binary that the embedded-redis jar carries for this operating system and architecture. */
    static RedisProgram bundled() {
        try {
            return new Bundled(ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture()));
        } catch (RuntimeException unknownPlatform) {
            return new Bundled(null);
        }
    }

    static RedisProgram onPath() {
        return new OnPath("redis-server");
    }

    /** A binary in the embedded-redis jar, named like {@code /redis-server-6.2.6-v5-linux-amd64}. */
    record Bundled(String resource) implements RedisProgram {

        @Override
        public Path locate(Path cache) throws IOException {
            URL url = resource == null ? null : RedisProgram.class.getResource(resource);
            if (url == null) {
                throw new IOException("the embedded-redis jar has no redis-server for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            }
            Path program = cache.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            URLConnection connection = url.openConnection();
            if (Files.isExecutable(program) && Files.size(program) == connection.getContentLengthLong()) {
                return program;
            }
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, program.getFileName().toString(), ".partial");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            // Renamed into place: an orphaned server may still be running the old file, which cannot be overwritten.
            Files.move(partial, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return program;
        }

        @Override
        public String toString() {
            return "the redis-server in the embedded-redis jar (" + resource + ")";
        }
    }

    record OnPath(String name) implements RedisProgram {

        @Override
        public Path locate(Path cache) throws IOException {
            return ExecutablePath.find(name).orElseThrow(() -> new IOException("no " + name + " on the PATH"));
        }

        @Override
        public String toString() {
            return name + " on the PATH";
        }
    }
}
