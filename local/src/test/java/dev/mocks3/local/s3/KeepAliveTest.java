package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * One keep-alive connection, as SDK connection pools use it. The first two requests go out in one
 * write, so the second (answered at once, without I/O) waits behind the first (which reads
 * PostgreSQL and the blob); the third must still be answered. Reactor Netty on its own leaves that
 * third request unread until the client gives up.
 */
class KeepAliveTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void aConnectionKeepsAnsweringAfterAQueuedRequestIsRefusedAtOnce() throws IOException {
        String bucket = mocks3.newBucket("keepalive");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept"));
        String host = "Host: localhost:" + mocks3.endpoint().getPort() + "\r\n";
        String getObject = "GET /" + bucket + "/k HTTP/1.1\r\n" + host + "\r\n";
        String refused = "PATCH /" + bucket + " HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n";
        try (Socket socket = new Socket("localhost", mocks3.endpoint().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((getObject + refused).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("kept");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 405").contains("<Code>MethodNotAllowed</Code>");
            for (int i = 0; i < 3; i++) {
                out.write(getObject.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).as("request %d after the queued refusal", i + 1)
                        .startsWith("HTTP/1.1 200").endsWith("kept");
            }
        }
    }

    /** One response: status line, headers and a Content-Length body, as text. */
    private static String readResponse(InputStream in) throws IOException {
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
        byte[] body = in.readNBytes(length);
        return headers + new String(body, StandardCharsets.UTF_8);
    }
}
