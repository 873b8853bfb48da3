package dev.mocks3.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process runs, read from /proc (Linux): a zombie that nobody has reaped yet counts as gone. */
public final class ProcStatus {

    private ProcStatus() {
    }

    /** True while the process exists and has not exited. */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (command) state ...": the command may hold spaces, so the state follows the last ')'
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
