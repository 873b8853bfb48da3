package dev.mocks3.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever a writer or its test runs (repo root or module folder). */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no MockS3 repository root above " + Path.of("").toAbsolutePath());
    }

    private static boolean isParentPom(Path pom) {
        try {
            if (!Files.isRegularFile(pom)) {
                return false;
            }
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            // module poms name mocks3-parent too, as their parent; only the root lists modules
            return text.contains("<artifactId>mocks3-parent</artifactId>") && text.contains("<modules>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a generated file under the root (or at the path given on the command line). */
    static void write(String[] args, String relativePath, String text) {
        Path target = args.length > 0 ? Path.of(args[0]) : find().resolve(relativePath);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + target);
    }
}
