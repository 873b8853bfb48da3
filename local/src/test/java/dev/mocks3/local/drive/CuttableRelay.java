package dev.mocks3.local.drive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A TCP relay in front of a service (Redis) that the test can cut: {@link #cut} drops every
 * connection and hangs up on new ones until {@link #restore}, as a service that went away would,
 * while the service itself keeps running with everything it holds.
 */
final class CuttableRelay extends TcpRelay {
    private volatile boolean cut;

    CuttableRelay(String host, int port) throws IOException {
        super(host, port);
    }

    /** Drops the open connections; new ones are hung up on at once until {@link #restore}. */
    void cut() {
        cut = true;
        closeConnections();
    }

    void restore() {
        cut = false;
    }

    @Override
    protected boolean admits() {
        return !cut;
    }

    @Override
    protected void relay(Socket client, Socket upstream) {
        daemon(() -> copy(client, upstream));
        daemon(() -> copy(upstream, client));
    }

    /** Copies bytes one way as they come; when either side hangs up, so does the other. */
    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // either side hung up
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }
}
