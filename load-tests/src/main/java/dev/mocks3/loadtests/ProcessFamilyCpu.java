package dev.mocks3.loadtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used by a server's whole process family, read from Linux's {@code /proc}: the server's
 * own process, everything it started, and the daemons that detached from it (the embedded
 * PostgreSQL and Redis re-parent to init) but name its data folder on their command line, with all
 * of their children (PostgreSQL's backends). Children that ended and were waited for count through
 * their parent's {@code cutime}/{@code cstime}.
 */
final class ProcessFamilyCpu {

    private static final Path PROC = Path.of("/proc");

    private final long rootPid;
    private final String marker;
    private final long nanosPerTick;

    /**
     * @param marker text on the command line of the detached daemons, or null when there are none
     */
    ProcessFamilyCpu(long rootPid, String marker) {
        this.rootPid = rootPid;
        this.marker = marker;
        this.nanosPerTick = 1_000_000_000L / ticksPerSecond();
    }

    /** User plus system CPU of the family so far, in nanoseconds. */
    long nanos() throws IOException {
        Map<Long, Stat> all = new HashMap<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    Stat stat = Stat.read(entry);
                    if (stat != null) {
                        all.put(Long.parseLong(name), stat);
                    }
                }
            }
        }
        long ticks = 0;
        for (long pid : family(all)) {
            ticks += all.get(pid).ticks();
        }
        return ticks * nanosPerTick;
    }

    /** The root, the marked daemons, and all their descendants. */
    private Set<Long> family(Map<Long, Stat> all) {
        Map<Long, List<Long>> children = new HashMap<>();
        Deque<Long> pending = new ArrayDeque<>();
        for (Map.Entry<Long, Stat> e : all.entrySet()) {
            children.computeIfAbsent(e.getValue().parent(), k -> new ArrayList<>()).add(e.getKey());
            if (e.getKey() == rootPid || (marker != null && e.getValue().commandLine().contains(marker))) {
                pending.add(e.getKey());
            }
        }
        Set<Long> family = new HashSet<>();
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            if (family.add(pid)) {
                pending.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return family;
    }

    /** The fields of {@code /proc/<pid>/stat} and the command line this class needs. */
    private record Stat(long parent, long ticks, String commandLine) {

        /** Null when the process ended while being read. */
        static Stat read(Path dir) {
            try {
                String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
                // the command name in parentheses may hold spaces: fields count from the last ')'
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                String commandLine = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
                return new Stat(Long.parseLong(f[1]), ticks, commandLine);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
