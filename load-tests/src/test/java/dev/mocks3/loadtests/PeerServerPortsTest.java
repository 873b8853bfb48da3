package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerServerPortsTest {

    @TempDir
    Path work;

    /** Without the check, the comparison would wait on whatever answers there and measure it in the server's place. */
    @Test
    void aServerWhosePortIsTakenIsNotStarted() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path noJar = work.resolve("never-run.jar");

            assertThatThrownBy(() -> PeerServer.s3Mock(noJar, "64m", work.resolve("s3mock"), port))
                    .isInstanceOf(IOException.class).hasMessage("S3Mock needs port " + port
                            + ", where another process listens; stop it first");
            assertThatThrownBy(() -> PeerServer.mockS3(noJar, "64m", work.resolve("mocks3"), port))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("MockS3 needs port " + port);
        }
    }

    @Test
    void freePortsPass() throws IOException {
        int port;
        try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = released.getLocalPort();
        }
        assertThatCode(() -> PeerServer.requireFree("MockS3", port)).doesNotThrowAnyException();
    }
}
