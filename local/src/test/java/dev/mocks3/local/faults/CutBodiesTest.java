package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.connections.RawConnection;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A truncated or reset GET delivers exactly the asked prefix of the body, then the connection
 * ends, whatever the object's size: small bodies (one buffer) included.
 */
class CutBodiesTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void removeRules() {
        rules.forEach(api::delete);
    }

    @ParameterizedTest(name = "{0} of a {1}-byte object delivers {2} bytes")
    @CsvSource({
            "'{\"type\":\"truncate\",\"keep_bytes\":1000}', 5000, 1000",
            "'{\"type\":\"truncate\",\"keep_bytes\":1000}', 50000, 1000",
            "'{\"type\":\"truncate\",\"keep_bytes\":1000}', 200000, 1000",
            "'{\"type\":\"truncate\",\"ratio\":0.5}', 5000, 2500",
            "'{\"type\":\"truncate\",\"ratio\":0.25}', 40000, 10000",
            "'{\"type\":\"reset\",\"after_bytes\":1000}', 5000, 1000",
            "'{\"type\":\"reset\",\"after_bytes\":3000}', 65536, 3000",
            "'{\"type\":\"reset\",\"after_bytes\":100000}', 300000, 100000"})
    void theClientReceivesExactlyThePrefixThenTheConnectionEnds(String action, int size, int expected) {
        String bucket = mocks3.newBucket("cut");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(new byte[size]));
        rules.add(api.create("{\"name\":\"cut\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket
                + "\"},{\"type\":\"operation\",\"value\":\"GetObject\"}],\"action\":" + action + "}"));

        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            RawConnection.Cut cut = connection.send("GET /" + bucket + "/k HTTP/1.1\r\nHost: localhost\r\n\r\n").readUntilClosed();

            assertThat(cut.response().status()).isEqualTo(200);
            assertThat(cut.response().header("Content-Length")).isEqualTo(String.valueOf(size));
            assertThat(cut.bodyBytes()).isEqualTo(expected);
        }
    }
}
