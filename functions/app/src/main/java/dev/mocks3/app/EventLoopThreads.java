package dev.mocks3.app;

import java.util.Properties;

/**
 * How many event loops Reactor Netty gives the S3 server and the PostgreSQL driver: one per core each,
 * where Reactor Netty alone would start at least four. MockS3 blocks no event loop (file and digest work
 * runs on other threads), so a loop per core keeps every core busy; more loops than cores only add
 * context switches between them (on 2 cores, four loops a side cost a small GET about 4–5 % more CPU,
 * see load-tests/README.md). A {@code -Dreactor.netty.ioWorkerCount=N} given to the JVM wins.
 */
public final class EventLoopThreads {
    static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    private EventLoopThreads() {
    }

    /** Call first thing in {@code main}: Reactor Netty reads the count once, when it makes its first loops. */
    public static void onePerCore() {
        onePerCore(System.getProperties(), Runtime.getRuntime().availableProcessors());
    }

    static void onePerCore(Properties system, int cores) {
        if (system.getProperty(IO_WORKER_COUNT) == null) {
            system.setProperty(IO_WORKER_COUNT, Integer.toString(cores));
        }
    }
}
