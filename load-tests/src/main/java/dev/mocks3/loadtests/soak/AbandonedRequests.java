package dev.mocks3.loadtests.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.mocks3.loadtests.LoadTarget;

/**
 * Clients that go away mid-request, over a raw socket: an upload that sends part of its declared
 * body and closes, one whose chunked body breaks its framing, and a download that reads its first
 * bytes and closes. Half of them close with a reset instead of a FIN, as a killed process does.
 */
final class AbandonedRequests {
    private final LoadTarget target;

    AbandonedRequests(LoadTarget target) {
        this.target = target;
    }

    /** Declares {@code body.length} bytes, sends {@code sent} of them, then closes. */
    void put(String bucket, String key, byte[] body, int sent, boolean reset) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", bucket, key, "Content-Length: " + body.length + "\r\n"));
            out.write(body, 0, sent);
            out.flush();
            close(socket, reset);
        }
    }

    /** Sends {@code sent} bytes as one well-formed chunk, then a chunk-size line that is not hex. */
    void putBrokenChunks(String bucket, String key, byte[] body, int sent, boolean reset) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT", bucket, key, "Transfer-Encoding: chunked\r\n"));
            out.write((Integer.toHexString(sent) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.write("\r\nzz-not-a-size\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read(new byte[64]);
            close(socket, reset);
        }
    }

    void get(String bucket, String key, boolean reset) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head("GET", bucket, key, ""));
            InputStream in = socket.getInputStream();
            in.read(new byte[64]);
            close(socket, reset);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(target.base().getHost(), port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private byte[] head(String method, String bucket, String key, String extraHeaders) {
        String path = target.object(bucket, key).getRawPath();
        return (method + " " + path + " HTTP/1.1\r\nHost: " + target.base().getHost() + ":" + port() + "\r\n"
                + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private int port() {
        int port = target.base().getPort();
        return port > 0 ? port : 80;
    }

    private static void close(Socket socket, boolean reset) throws IOException {
        if (reset) {
            socket.setSoLinger(true, 0);
        }
        socket.close();
    }
}
