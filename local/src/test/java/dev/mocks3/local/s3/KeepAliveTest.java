package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.connections.RawConnection;
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
    void aConnectionKeepsAnsweringAfterAQueuedRequestIsRefusedAtOnce() {
        String bucket = mocks3.newBucket("keepalive");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept"));
        String host = "Host: localhost:" + mocks3.endpoint().getPort() + "\r\n";
        String getObject = "GET /" + bucket + "/k HTTP/1.1\r\n" + host + "\r\n";
        String refused = "PATCH /" + bucket + " HTTP/1.1\r\n" + host + "Content-Length: 0\r\n\r\n";
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(5))) {
            connection.send(getObject + refused);
            assertThat(connection.read().text()).startsWith("HTTP/1.1 200").endsWith("kept");
            assertThat(connection.read().text()).startsWith("HTTP/1.1 405").contains("<Code>MethodNotAllowed</Code>");
            for (int i = 0; i < 3; i++) {
                connection.send(getObject);
                assertThat(connection.read().text()).as("request %d after the queued refusal", i + 1)
                        .startsWith("HTTP/1.1 200").endsWith("kept");
            }
        }
    }
}
