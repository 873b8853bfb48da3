package dev.mocks3.local.drive;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay in front of PostgreSQL that holds back the rows of the first query whose text contains
 * {@code marker} until {@link #release}: PostgreSQL has run that query (its snapshot is taken) while
 * its client has not seen the answer yet, so whatever the client does next can be made to come late.
 * The client must not ask for TLS (the relay reads the server's messages one by one).
 */
final class HeldRowsRelay extends TcpRelay {
    private static final byte DATA_ROW = 'D';
    private final byte[] marker;
    private final CountDownLatch rowsHeld = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean markedQuerySent;

    HeldRowsRelay(String host, int port, String marker) throws IOException {
        super(host, port);
        this.marker = marker.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the marked query's rows reached the relay (and are held) within {@code timeout}. */
    boolean awaitRowsHeld(Duration timeout) throws InterruptedException {
        return rowsHeld.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() throws IOException {
        release();
        super.close();
    }

    @Override
    protected void relay(Socket client, Socket upstream) {
        daemon(() -> clientToServer(client, upstream));
        daemon(() -> serverToClient(upstream, client));
    }

    /** Copies the client's bytes as they come, noting when the marked query text passes. */
    private void clientToServer(Socket client, Socket upstream) {
        byte[] buffer = new byte[16384];
        byte[] window = new byte[0];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                // the last bytes of the previous read too, for a marker split across two reads
                byte[] seen = new byte[window.length + n];
                System.arraycopy(window, 0, seen, 0, window.length);
                System.arraycopy(buffer, 0, seen, window.length, n);
                if (contains(seen, marker)) {
                    markedQuerySent = true;
                }
                window = Arrays.copyOfRange(seen, Math.max(0, seen.length - marker.length + 1), seen.length);
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // either side hung up
        }
    }

    /** Copies the server's messages one by one (type, length, body), holding the marked query's first row. */
    private void serverToClient(Socket upstream, Socket client) {
        try (DataInputStream in = new DataInputStream(upstream.getInputStream()); OutputStream out = new BufferedOutputStream(client.getOutputStream())) {
            while (true) {
                byte type = in.readByte();
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (type == DATA_ROW && markedQuerySent && rowsHeld.getCount() > 0) {
                    rowsHeld.countDown();
                    released.await();
                }
                out.write(type);
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException closed) {
            // either side hung up
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
