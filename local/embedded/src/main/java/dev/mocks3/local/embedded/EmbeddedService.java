package dev.mocks3.local.embedded;

/** An embedded server that the {@link Supervisor} keeps running. */
public sealed interface EmbeddedService extends AutoCloseable permits EmbeddedPostgres, EmbeddedRedis {

    /** True when the server was started, not stopped by us, and its process has gone. */
    boolean died();

    /** Starts the server again on the same port and data. */
    void restart();

    @Override
    void close();
}
