package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.MockS3Fixture;

/** The default (laptop) set-up: only this machine reaches the ports, and no web page can change the rules. */
class RulesApiProtectionTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);

    private static String rule(String id) {
        return """
                {"id": "%s", "name": "from a web page", "service": "storage-service", "enabled": true,
                 "conditions": [{"type": "probability", "value": 1.0}],
                 "action": {"type": "http_error", "http_code": 500}}""".formatted(id);
    }

    @Test
    void textPlainBodyIsRefusedWith415AndCreatesNoRule() {
        String id = "text-plain-" + UUID.randomUUID();
        HttpResponse<String> post = api.send("POST", "/api/v1/rules", rule(id), "Content-Type", "text/plain");

        assertThat(post.statusCode()).isEqualTo(415);
        assertThat(post.body()).contains("\"error\":\"unsupported_media_type\"");
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/cloudevents", rule(id), "Content-Type", "application/x-www-form-urlencoded")
                .statusCode()).isEqualTo(415);
    }

    @Test
    void crossOriginRequestsAreRefusedWith403AndCreateNoRule() {
        String id = "cross-origin-" + UUID.randomUUID();
        HttpResponse<String> fromPage = api.send("POST", "/api/v1/rules", rule(id), "Origin", "http://evil.example");
        HttpResponse<String> crossSite = api.send("POST", "/api/v1/rules", rule(id), "Sec-Fetch-Site", "cross-site");

        assertThat(fromPage.statusCode()).isEqualTo(403);
        assertThat(fromPage.body()).contains("\"error\":\"cross_origin\"");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void requestForAnotherHostNameIsRefusedSoDnsRebindingCannotReachTheApi() throws IOException {
        String id = "rebound-" + UUID.randomUUID();
        String response;
        try (Socket socket = new Socket("127.0.0.1", api.uri("").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // without the Host check this empty POST would be a 400, not a 403 (a refused body is
            // covered by refusedRequestWithABodyIsAnsweredNotReset)
            out.write(("POST /api/v1/rules HTTP/1.1\r\nHost: attacker.example:" + api.uri("").getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 0"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
    }

    /**
     * A rule padded to 512 KiB is more than the server reads with the request head, so without reading
     * the body the refusal would close with unread bytes, and the reset can beat the 403 to the client;
     * 4 MiB is over the 1 MiB the guard once read before closing at once.
     */
    @ParameterizedTest(name = "{0} KiB")
    @ValueSource(ints = {512, 4096})
    void refusedRequestWithABodyIsAnsweredNotReset(int kib) throws IOException {
        String id = "refused-with-body-" + UUID.randomUUID();
        byte[] body = (rule(id) + " ".repeat(kib * 1024)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            String response = refusedExchange("Content-Length: " + body.length, out -> out.write(body));
            assertThat(response).as("attempt %d", i).startsWith("HTTP/1.1 403").contains("access_denied");
        }
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusedRequestWithAChunkedBodyIsAnsweredNotReset() throws IOException {
        String id = "refused-chunked-" + UUID.randomUUID();
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        byte[] first = rule(id).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            String response = refusedExchange("Transfer-Encoding: chunked", out -> {
                writeChunk(out, first);
                for (int c = 0; c < 32; c++) { // 2 MiB in all
                    writeChunk(out, chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            });
            assertThat(response).as("attempt %d", i).startsWith("HTTP/1.1 403").contains("access_denied");
        }
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongSignatureOnALargeBodyIsAnsweredNotReset() throws IOException {
        String id = "bad-signature-" + UUID.randomUUID();
        byte[] body = (rule(id) + " ".repeat(4 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        String authorization = "Authorization: AWS4-HMAC-SHA256 Credential=nobody/20260101/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=" + "0".repeat(64);
        String response = exchange("localhost", authorization + "\r\nContent-Length: " + body.length, out -> out.write(body));
        // a signed body is at most 256 KiB: 413 before the signature is even checked
        assertThat(response).startsWith("HTTP/1.1 413").contains("payload_too_large");
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedBodyThatStopsArrivingIsAnsweredRequestTimeoutNotTooLarge() throws IOException {
        String authorization = "Authorization: AWS4-HMAC-SHA256 Credential=nobody/20260101/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=" + "0".repeat(64);
        // 1,000 bytes announced, 100 sent, then nothing: small enough to keep, but it never arrives whole
        String response = exchange("localhost", authorization + "\r\nContent-Length: 1000",
                out -> out.write(new byte[100]));
        assertThat(response).startsWith("HTTP/1.1 408").contains("request_timeout").doesNotContain("payload_too_large");
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A POST for another host name (refused with 403), its body written in full before the answer is read. */
    private String refusedExchange(String framing, BodyWriter body) throws IOException {
        return exchange("attacker.example", framing, body);
    }

    private String exchange(String host, String headers, BodyWriter body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.uri("").getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/rules HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(out);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sameOriginAndPlainCurlRequestsStillWork() {
        String id = "same-origin-" + UUID.randomUUID();
        String origin = "http://" + api.uri("").getAuthority();
        HttpResponse<String> post = api.send("POST", "/api/v1/rules", rule(id).replace("true", "false"),
                "Origin", origin);

        assertThat(post.statusCode()).isEqualTo(201);
        assertThat(api.send("POST", "/api/v1/rules/" + id + "/enable", null).statusCode()).isEqualTo(200);
        api.delete(id);
    }

    @Test
    void bothPortsListenOnLoopbackOnly() throws SocketException {
        InetSocketAddress apiAddress = mocks3.bean(FaultsApiServer.class).boundAddress();
        assertThat(apiAddress.getAddress().isLoopbackAddress()).as(apiAddress.toString()).isTrue();

        InetAddress other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        assumeTrue(other != null, "this machine has no address besides loopback");
        for (int port : new int[] {mocks3.runner().port(), apiAddress.getPort()}) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other, port), 2000);
                }
            }).as("port %d on %s", port, other).isInstanceOf(IOException.class);
        }
    }
}
