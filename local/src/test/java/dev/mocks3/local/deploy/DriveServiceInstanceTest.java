package dev.mocks3.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.drive.DriveEndpoint;
import dev.mocks3.drive.http.DriveServer;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.s3.OperationFunction;

/**
 * The drive's Knative service as deployed: the application with a definition naming the drive's
 * functions only, its S3 endpoint another MockS3. It serves the drive and no S3 operation; an S3
 * operation's instance, the other way round, holds nothing of the drive.
 */
class DriveServiceInstanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void aDriveOnlyInstanceServesTheDriveWithItsBytesInAnotherS3() throws Exception {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition",
                Arrays.stream(DriveEndpoint.values()).map(DriveEndpoint::functionName).collect(Collectors.joining(";")));
        settings.put("mocks3.faults.api-port", "-1");
        settings.put("mocks3.drive.s3.endpoint", mocks3.endpoint().toString());
        settings.put("mocks3.drive.s3.bucket", MockS3Fixture.uniqueBucket("drive-only"));
        try (LocalRunner driveOnly = LocalRunner.start(settings)) {
            assertThat(driveOnly.context().getBeansOfType(OperationFunction.class)).isEmpty();
            URI drive = URI.create("http://127.0.0.1:" + driveOnly.context().getBean(DriveServer.class).port());
            String mobile = "137" + String.format("%08d", (int) (Math.random() * 100_000_000));
            JsonNode registered = post(drive.resolve("/usercenter/v1/user/register"),
                    "{\"mobile\":\"" + mobile + "\",\"password\":\"123456\",\"name\":\"knative\"}");
            assertThat(registered.path("code").asInt()).isEqualTo(200);
            String bucket = (String) settings.get("mocks3.drive.s3.bucket");
            assertThat(mocks3.s3().listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
        }
    }

    /** Two drive pods of the cluster: their own disks, the one key of the Secret {@code mocks3-drive}. */
    @Test
    void drivePodsSharingTheSecretAcceptEachOthersTokensAndNoOtherKey() throws Exception {
        String secret = "a-shared-drive-secret-of-forty-bytes-long";
        try (LocalRunner first = LocalRunner.start(drivePod(secret)); LocalRunner second = LocalRunner.start(drivePod(secret))) {
            String mobile = "136" + String.format("%08d", (int) (Math.random() * 100_000_000));
            JsonNode registered = post(driveOf(first).resolve("/usercenter/v1/user/register"),
                    "{\"mobile\":\"" + mobile + "\",\"password\":\"123456\",\"name\":\"pods\"}");
            String token = registered.path("data").path("accessToken").asText();
            assertThat(get(driveOf(second).resolve("/usercenter/v1/user/info"), token).path("data").path("mobile").asText())
                    .isEqualTo(mobile);
            // the shared test MockS3 (same database) generated a key of its own: its tokens mean nothing to these pods
            String foreign = post(URI.create("http://127.0.0.1:" + mocks3.bean(DriveServer.class).port() + "/usercenter/v1/user/login"),
                    "{\"mobile\":\"" + mobile + "\",\"password\":\"123456\"}").path("data").path("accessToken").asText();
            assertThat(foreign).isNotEmpty();
            assertThat(get(driveOf(second).resolve("/usercenter/v1/user/info"), foreign).path("code").asInt()).isEqualTo(100003);
        }
    }

    @Test
    void aDrivePodWhoseSecretIsEmptyDoesNotStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalRunner.start(drivePod(" ")).close())
                .hasStackTraceContaining("jwt-secret is set but empty");
    }

    private Map<String, Object> drivePod(String jwtSecret) throws java.io.IOException {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition",
                Arrays.stream(DriveEndpoint.values()).map(DriveEndpoint::functionName).collect(Collectors.joining(";")));
        settings.put("mocks3.faults.api-port", "-1");
        settings.put("mocks3.drive.port", "0");
        settings.put("mocks3.drive.s3.endpoint", mocks3.endpoint().toString());
        settings.put("mocks3.drive.s3.create-bucket", "false");
        settings.put("mocks3.storage.data-dir", java.nio.file.Files.createTempDirectory("drive-pod").toString());
        settings.put("mocks3.drive.jwt-secret", jwtSecret);
        return settings;
    }

    private static URI driveOf(LocalRunner runner) {
        return URI.create("http://127.0.0.1:" + runner.context().getBean(DriveServer.class).port());
    }

    @Test
    void anS3OperationInstanceHoldsNothingOfTheDrive() {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition", "getObject");
        settings.put("mocks3.faults.api-port", "-1");
        try (LocalRunner getOnly = LocalRunner.start(settings)) {
            assertThat(getOnly.context().getBeansOfType(DriveServer.class)).isEmpty();
        }
    }

    private JsonNode get(URI uri, String token) throws Exception {
        HttpResponse<String> r = mocks3.http().sendAsync(HttpRequest.newBuilder(uri).header("Authorization", token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).get();
        return JSON.readTree(r.body());
    }

    private JsonNode post(URI uri, String body) throws Exception {
        HttpResponse<String> r = mocks3.http().sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).get();
        return JSON.readTree(r.body());
    }
}
