package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PeerServerPortsTest {

    @Test
    void aServerWhosePortIsTakenIsNotStartedSoAnotherProcessIsNeverMeasuredInItsPlace() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PeerServer.requireFree("S3Mock", taken.getLocalPort()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("S3Mock needs port " + taken.getLocalPort());
        }
    }

    @Test
    void freePortsPass() throws IOException {
        int port;
        try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = released.getLocalPort();
        }
        int free = port;
        assertThatCode(() -> PeerServer.requireFree("MockS3", free)).doesNotThrowAnyException();
    }
}
