package dev.mocks3.loadtests.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * User plus system CPU from Linux's {@code /proc}, in nanoseconds: of this process (all threads), of
 * other processes by pid (PostgreSQL backends), and of this process's threads grouped by name with
 * their numbers dropped ({@code reactor-tcp-epoll-3} counts as {@code reactor-tcp-epoll-}).
 */
final class ProcCpu {

    /** Linux's USER_HZ: 100 on every x86-64 kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcCpu() {
    }

    static long self() {
        return ticks(Path.of("/proc/self/stat")) * NANOS_PER_TICK;
    }

    /** Pids that ended count as 0, so a reading after one ended is too low, never too high. */
    static Map<Long, Long> of(Collection<Long> pids) {
        Map<Long, Long> cpu = new TreeMap<>();
        for (long pid : pids) {
            cpu.put(pid, ticks(Path.of("/proc", Long.toString(pid), "stat")) * NANOS_PER_TICK);
        }
        return cpu;
    }

    /** CPU used between two readings of {@link #of}; a pid first seen in {@code after} counts whole. */
    static long spent(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    static Map<String, Long> threadsByName() {
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> byName.merge(name(task), ticks(task.resolve("stat")) * NANOS_PER_TICK, Long::sum));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return byName;
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.ISO_8859_1).strip().replaceAll("\\d+$", "");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long ticks(Path stat) {
        try {
            String text = Files.readString(stat, StandardCharsets.ISO_8859_1);
            // the command name in parentheses may hold spaces: count fields from the last ')'
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
