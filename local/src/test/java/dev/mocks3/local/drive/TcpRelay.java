package dev.mocks3.local.drive;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a free loopback port in front of a service: each connection accepted gets one of its
 * own to the service, and the subclass moves the bytes between the two ({@link #relay}).
 */
abstract class TcpRelay implements AutoCloseable {
    private final String host;
    private final int port;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TcpRelay(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Whether a connection coming now is relayed; one that is not is hung up on at once. */
    protected boolean admits() {
        return true;
    }

    /** Starts moving the bytes of a connection accepted to the service's connection, and back. */
    protected abstract void relay(Socket client, Socket upstream);

    /** Drops every connection relayed so far. */
    protected void closeConnections() {
        for (Socket s : sockets) {
            closeQuietly(s);
            sockets.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeConnections();
    }

    private void accept() {
        try {
            while (true) {
                Socket client = server.accept();
                if (!admits()) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(host, port);
                sockets.add(client);
                sockets.add(upstream);
                relay(client, upstream);
            }
        } catch (IOException closed) {
            // the relay is closed
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static void daemon(Runnable work) {
        Thread thread = new Thread(work, "tcp-relay");
        thread.setDaemon(true);
        thread.start();
    }
}
