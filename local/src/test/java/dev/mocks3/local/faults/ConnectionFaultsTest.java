package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.connections.RawConnection;
import software.amazon.awssdk.core.sync.RequestBody;

/** Connection-level faults as Toxiproxy has them, seen over real sockets. */
class ConnectionFaultsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void removeRules() {
        rules.forEach(api::delete);
    }

    @Test
    void aResetIsSeenByTheClientAsConnectionResetNotAsEndOfStream() throws IOException {
        String bucket = mocks3.newBucket("rst");
        rule(bucket, "HeadBucket", "{\"type\": \"reset\"}", "");

        try (Socket socket = new Socket("127.0.0.1", mocks3.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("HEAD /" + bucket + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        }
    }

    @Test
    void downResetsNewConnectionsForItsWindowThenThePortServesAgain() throws InterruptedException {
        String bucket = mocks3.newBucket("down");
        rule(bucket, "HeadBucket", "{\"type\": \"down\", \"duration\": \"2s\"}", "\"max_triggers\": 1,");
        long start = System.nanoTime();

        assertThat(headBucket(bucket)).isEqualTo("reset");
        assertThat(headBucket(bucket)).isEqualTo("reset"); // a new connection, while down
        String answer;
        do {
            Thread.sleep(100);
            answer = headBucket(bucket);
        } while (!answer.equals("200") && System.nanoTime() - start < 10_000_000_000L);
        long upAfterMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer).isEqualTo("200");
        assertThat(upAfterMillis).isBetween(1_900L, 5_000L);
    }

    @Test
    void anUploadBandwidthLimitSlowsTheClientsPut() {
        String bucket = mocks3.newBucket("upload-bw");
        byte[] body = new byte[96 * 1024];
        long unlimited = timedPut(bucket, "fast", body);
        rule(bucket, "PutObject", "{\"type\": \"bandwidth\", \"bytes_per_second\": \"32KiB\", \"phase\": \"before\"}", "");

        long limited = timedPut(bucket, "slow", body);

        // 96 KiB at 32 KiB/s: about 3 s, the first twentieth of a second free
        assertThat(limited).isBetween(2_700L, 8_000L);
        assertThat(unlimited).isLessThan(2_000L);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("slow")).contentLength()).isEqualTo(body.length);
    }

    @Test
    void expect100ContinueIsRefusedBeforeTheBodyIsSent() {
        String bucket = mocks3.newBucket("continue");
        rule(bucket, "PutObject", "{\"type\": \"refuse_continue\"}", "");

        try (RawConnection c = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            RawConnection.Response r = c.send("PUT /" + bucket + "/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n"
                    + "Expect: 100-continue\r\n\r\n").read();

            assertThat(r.status()).isEqualTo(417);
            assertThat(r.errorCode()).isEqualTo("ExpectationFailed");
        }
    }

    @Test
    void aStallSendsTheHeadThenHoldsTheBody() throws IOException {
        String bucket = mocks3.newBucket("stall");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(new byte[5000]));
        rule(bucket, "GetObject", "{\"type\": \"stall\", \"after_bytes\": 0, \"duration\": \"1500ms\"}", "");

        try (Socket socket = new Socket("127.0.0.1", mocks3.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            socket.getOutputStream().write(("GET /" + bucket + "/k HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            int lastFour = 0;
            while (lastFour != 0x0d0a0d0a) {
                lastFour = lastFour << 8 | in.read();
            }
            long headMillis = (System.nanoTime() - start) / 1_000_000;
            byte[] bodyBytes = in.readNBytes(5000);
            long bodyMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(headMillis).isLessThan(1_000L);
            assertThat(bodyBytes).hasSize(5000);
            assertThat(bodyMillis).isGreaterThanOrEqualTo(1_450L);
        }
    }

    private void rule(String bucket, String operation, String action, String extra) {
        rules.add(api.create("{\"name\": \"connection\", " + extra + " \"conditions\": [{\"type\": \"bucket\", \"value\": \""
                + bucket + "\"}, {\"type\": \"operation\", \"value\": \"" + operation + "\"}], \"action\": " + action + "}"));
    }

    private long timedPut(String bucket, String key, byte[] body) {
        long start = System.nanoTime();
        mocks3.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A HEAD of the bucket on a new connection: its status, "reset", or "closed". */
    private String headBucket(String bucket) {
        try (Socket socket = new Socket("127.0.0.1", mocks3.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("HEAD /" + bucket + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = socket.getInputStream().readNBytes(12);
            return line.length < 12 ? "closed" : new String(line, 9, 3, StandardCharsets.US_ASCII);
        } catch (SocketException e) {
            return e.getMessage() != null && e.getMessage().contains("reset") ? "reset" : "error: " + e.getMessage();
        } catch (IOException e) {
            return "error: " + e;
        }
    }
}
