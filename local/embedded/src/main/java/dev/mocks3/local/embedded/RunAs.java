package dev.mocks3.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operating-system user that PostgreSQL's programs run as. They refuse to run as root, so as root
 * they run as {@code postgres} (or {@code nobody}) through setpriv or runuser; otherwise as ourselves.
 */
record RunAs(String user, String uid, String gid, List<String> prefix) {

    private static final Duration QUICK = Duration.ofSeconds(10);
    private static final Path ROOT_DIRECTORY = Path.of("/");

    RunAs {
        prefix = List.copyOf(prefix);
    }

    static RunAs forPostgres() throws IOException, InterruptedException {
        if (!isRoot()) {
            return new RunAs(System.getProperty("user.name"), null, null, List.of());
        }
        String user = new Command(List.of("id", "-u", "postgres"), ROOT_DIRECTORY).succeeds(QUICK) ? "postgres" : "nobody";
        String uid = new Command(List.of("id", "-u", user), ROOT_DIRECTORY).run(QUICK);
        String gid = new Command(List.of("id", "-g", user), ROOT_DIRECTORY).run(QUICK);
        Optional<Path> setpriv = ExecutablePath.find("setpriv");
        if (setpriv.isPresent()) {
            return new RunAs(user, uid, gid, List.of(
                    setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--"));
        }
        Optional<Path> runuser = ExecutablePath.find("runuser");
        if (runuser.isPresent()) {
            return new RunAs(user, uid, gid, List.of(runuser.get().toString(), "-u", user, "--"));
        }
        throw new IllegalStateException("PostgreSQL refuses to run as root and neither setpriv nor runuser"
                + " (package util-linux) is on the PATH to run it as user " + user);
    }

    boolean switchesUser() {
        return !prefix.isEmpty();
    }

    /** The command line that runs {@code args} as this user. */
    Command command(Path directory, String... args) {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of(args));
        return new Command(line, directory);
    }

    /** Hands a directory tree over to this user, so that PostgreSQL may write it. */
    void own(Path path) throws IOException, InterruptedException {
        if (switchesUser()) {
            new Command(List.of("chown", "-R", uid + ":" + gid, path.toString()), ROOT_DIRECTORY).run(QUICK);
        }
    }

    /**
     * Fails with a message naming the culprit when this user cannot reach {@code path}. Directories we
     * create are open to everyone; a parent the caller chose (like /root) may not be.
     */
    void requireReachable(Path path) throws IOException, InterruptedException {
        if (!switchesUser() || test("-x", path)) {
            return;
        }
        Path blocked = path;
        for (Path dir = path.getRoot(); dir != null; dir = next(dir, path)) {
            if (!test("-x", dir)) {
                blocked = dir;
                break;
            }
        }
        throw new IllegalStateException("PostgreSQL runs as user " + user + " because it refuses root, but that user"
                + " cannot reach " + path + ": it may not enter " + blocked + ". Choose a work directory outside "
                + blocked + " or allow it with: chmod o+x " + blocked);
    }

    /** Lets every user pass through {@code dir} (not list it), as PostgreSQL needs for the directories below. */
    static void openForPassage(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
            Files.setPosixFilePermissions(dir, permissions);
        }
    }

    private boolean test(String flag, Path path) throws InterruptedException {
        return command(ROOT_DIRECTORY, "test", flag, path.toString()).succeeds(QUICK);
    }

    private static Path next(Path dir, Path target) {
        return dir.equals(target) ? null : dir.resolve(target.getName(dir.getNameCount()));
    }

    private static boolean isRoot() throws IOException {
        // /proc/self belongs to the effective user of this process
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
