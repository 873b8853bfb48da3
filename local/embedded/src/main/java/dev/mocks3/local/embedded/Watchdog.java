package dev.mocks3.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small shell process beside each embedded server that stops the server when this JVM is gone, so a
 * JVM killed with SIGKILL (or crashed) leaves no PostgreSQL or Redis running. It ends by itself when
 * the server ends. Linux only: it reads /proc.
 */
final class Watchdog {

    private static final String SCRIPT = """
            trap '' INT HUP
            jvm=$1 server=$2 signal=$3
            running() { state=; read -r _ _ state _ < /proc/$1/stat; [ -n "$state" ] && [ "$state" != Z ]; } 2>/dev/null
            while running "$server"; do
              if ! running "$jvm"; then
                kill -s "$signal" "$server" 2>/dev/null
                i=0
                while running "$server" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
                kill -s KILL "$server" 2>/dev/null
                exit 0
              fi
              sleep 0.5
            done
            """;

    private Watchdog() {
    }

    /**
     * Watches {@code serverPid} on behalf of this JVM: when the JVM has gone, sends the server
     * {@code signal} (its fast-shutdown signal), and SIGKILL if it still runs 10 s later.
     */
    static void guard(long serverPid, String signal) {
        // trap '' INT HUP: a Ctrl-C in the terminal goes to the JVM, which stops the server in order
        try {
            new ProcessBuilder("/bin/sh", "-c", SCRIPT, "mocks3-watchdog",
                    Long.toString(ProcessHandle.current().pid()), Long.toString(serverPid), signal)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watchdog of process " + serverPid, e);
        }
    }
}
