package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;

/**
 * The curl commands of the Polaris-IO document's "验证服务" section, run verbatim with curl against
 * the drive port (only host and port differ, and the mobile, so that test runs do not collide).
 */
class DriveSeedExamplesTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private final DriveClient drive = new DriveClient(MOCKS3);

    @Test
    void registerLoginAndInfoWorkAsTheDocumentShows() throws Exception {
        String base = drive.base().toString();
        String mobile = DriveClient.newMobile();
        JsonNode registered = curl("-X", "POST", base + "/usercenter/v1/user/register",
                "-H", "Content-Type: application/json",
                "-d", "{\"mobile\":\"" + mobile + "\",\"password\":\"123456\",\"name\":\"test\"}");
        assertThat(registered.path("code").asInt()).isEqualTo(200);
        assertThat(registered.path("msg").asText()).isEqualTo("OK");
        assertThat(registered.path("data").path("accessToken").asText()).isNotBlank();
        assertThat(registered.path("data").path("accessExpire").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(registered.path("data").path("refreshAfter").asLong()).isLessThan(registered.path("data").path("accessExpire").asLong());

        JsonNode again = curl("-X", "POST", base + "/usercenter/v1/user/register",
                "-H", "Content-Type: application/json",
                "-d", "{\"mobile\":\"" + mobile + "\",\"password\":\"123456\",\"name\":\"test\"}");
        assertThat(again.path("code").asInt()).isEqualTo(200002);
        assertThat(again.has("data")).isFalse();

        JsonNode login = curl("-X", "POST", base + "/usercenter/v1/user/login",
                "-H", "Content-Type: application/json",
                "-d", "{\"mobile\":\"" + mobile + "\",\"password\":\"123456\"}");
        assertThat(login.path("code").asInt()).isEqualTo(200);
        String token = login.path("data").path("accessToken").asText();
        assertThat(token).startsWith("eyJhbGc");

        JsonNode info = curl("-H", "Authorization: " + token, base + "/usercenter/v1/user/info");
        assertThat(info.path("code").asInt()).isEqualTo(200);
        assertThat(info.path("data").path("mobile").asText()).isEqualTo(mobile);
        assertThat(info.path("data").path("name").asText()).isEqualTo("test");
        assertThat(info.path("data").has("passwordHash")).isFalse();
        assertThat(info.toString()).doesNotContain("argon2");

        JsonNode bearer = curl("-H", "Authorization: Bearer " + token, base + "/usercenter/v1/user/info");
        assertThat(bearer.path("data").path("mobile").asText()).isEqualTo(mobile);
    }

    static JsonNode curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("curl %s: %s", command, out).isZero();
        return DriveClient.JSON.readTree(out);
    }
}
