package dev.mocks3.local.connections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** One plain TCP connection to the S3 port, for what HTTP clients refuse to send. */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    public RawConnection(int port, Duration readTimeout) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawConnection send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next response: status line, headers and a Content-Length body. */
    public Response read() {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int lastFour = 0;
            while (lastFour != 0x0d0a0d0a) { // up to the blank line: CR LF CR LF
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + head.size() + " header bytes");
                }
                head.write(b);
                lastFour = lastFour << 8 | b;
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return new Response(headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The head of the next response and every body byte that arrives before the server closes the connection. */
    public Cut readUntilClosed() {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int lastFour = 0;
            while (lastFour != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + head.size() + " header bytes");
                }
                head.write(b);
                lastFour = lastFour << 8 | b;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean reset = false;
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    body.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                reset = true;
            }
            return new Cut(new Response(head.toString(StandardCharsets.ISO_8859_1), ""), body.size(), reset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response whose body ended with the connection: how many body bytes came, and whether it ended with a reset. */
    public record Cut(Response response, int bodyBytes, boolean reset) {
    }

    /** True when the server closes the connection (end of stream or reset) before the read timeout. */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket the server already closed
        }
    }

    public record Response(String head, String body) {
        /** Head and body as one text, as they came over the wire. */
        public String text() {
            return head + body;
        }

        public int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        public String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return null;
        }

        public String errorCode() {
            return between("<Code>", "</Code>");
        }

        public String requestId() {
            return between("<RequestId>", "</RequestId>");
        }

        private String between(String start, String end) {
            int from = body.indexOf(start);
            int to = body.indexOf(end);
            return from < 0 || to < 0 ? "" : body.substring(from + start.length(), to);
        }
    }
}
