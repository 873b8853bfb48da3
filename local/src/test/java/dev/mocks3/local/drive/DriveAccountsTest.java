package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

class DriveAccountsTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private final DriveClient drive = new DriveClient(MOCKS3);

    @Test
    void registerRefusesBadInputWithNumberedErrorsAndNoStackTrace() {
        String mobile = DriveClient.newMobile();
        Map<String, String> bodies = Map.of(
                "not json", "{\"mobile\":",
                "not an object", "[1,2]",
                "missing password", DriveClient.json("mobile", mobile, "name", "n"),
                "not a mobile", DriveClient.json("mobile", "12345", "password", "s3cret-pass", "name", "n"),
                "password too short", DriveClient.json("mobile", mobile, "password", "12345", "name", "n"),
                "password all one character", DriveClient.json("mobile", mobile, "password", "aaaaaaaa", "name", "n"),
                "password too long", DriveClient.json("mobile", mobile, "password", "x1".repeat(65), "name", "n"),
                "mobile a number", "{\"mobile\":13800138000,\"password\":\"s3cret-pass\",\"name\":\"n\"}",
                "empty name", DriveClient.json("mobile", mobile, "password", "s3cret-pass", "name", " "));
        bodies.forEach((why, body) -> {
            Reply r = drive.send("POST", "/usercenter/v1/user/register", null, body);
            assertThat(r.status()).as(why).isEqualTo(400);
            assertThat(r.code()).as(why).isEqualTo(100002);
            assertThat(r.body().path("msg").asText()).as(why).isNotBlank().doesNotContain("Exception").doesNotContain("at dev.");
        });
        // none of them registered the mobile
        assertThat(drive.post("/usercenter/v1/user/register", null, "mobile", mobile, "password", "s3cret-pass", "name", "n")
                .code()).isEqualTo(200);
    }

    @Test
    void aMobileRegistersOnce() {
        User user = drive.newUser();
        Reply again = drive.post("/usercenter/v1/user/register", null, "mobile", user.mobile(), "password", "other-pass", "name", "x");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo(200002);
    }

    @Test
    void wrongPasswordAndUnknownMobileGetTheSameAnswer() {
        User user = drive.newUser();
        Reply wrong = drive.post("/usercenter/v1/user/login", null, "mobile", user.mobile(), "password", "wrong-pass");
        Reply unknown = drive.post("/usercenter/v1/user/login", null, "mobile", DriveClient.newMobile(), "password", "wrong-pass");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.code()).isEqualTo(200001);
    }

    @Test
    void aLoginTellsHowLongThePasswordCheckTook() throws Exception {
        User user = drive.newUser();
        java.net.http.HttpResponse<String> login = MOCKS3.http().send(java.net.http.HttpRequest.newBuilder(
                        drive.base().resolve("/usercenter/v1/user/login")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(DriveClient.json("mobile", user.mobile(), "password", "s3cret-pass")))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Server-Timing").orElse("")).matches("kdf;dur=[0-9]+\\.[0-9]{3}");
    }

    @Test
    void quotaStartsEmptyWithTheDefaultTotal() {
        User user = drive.newUser();
        Reply quota = drive.get("/usercenter/v1/user/quota", user.token());
        assertThat(quota.data().path("used").asLong()).isZero();
        assertThat(quota.data().path("total").asLong()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void aValidTokenIsRefreshedAndBothWork() {
        User user = drive.newUser();
        Reply refreshed = drive.post("/usercenter/v1/user/refresh", "Bearer " + user.token());
        assertThat(refreshed.code()).isEqualTo(200);
        String fresh = refreshed.data().path("accessToken").asText();
        assertThat(drive.get("/usercenter/v1/user/info", fresh).data().path("id").asLong()).isEqualTo(user.id());
        assertThat(drive.get("/usercenter/v1/user/info", "bearer " + fresh).data().path("id").asLong()).isEqualTo(user.id());
    }

    @Test
    void missingExpiredForgedTamperedAndUnsignedTokensAreRefused() throws Exception {
        User user = drive.newUser();
        byte[] secret = Base64.getDecoder().decode(Files.readString(MOCKS3.dataDir().resolve("drive").resolve("jwt-secret")).strip());
        String expired = sign(secret, user.id(), Instant.now().minusSeconds(60));
        String forged = sign("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), user.id(),
                Instant.now().plusSeconds(600));
        String[] parts = user.token().split("\\.");
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"sub\":\"" + user.id() + "\"", "\"sub\":\"" + (user.id() + 1) + "\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherUser + "." + parts[2];
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertThat(tampered).isNotEqualTo(user.token());
        for (String token : new String[] {null, "", "garbage", expired, forged, tampered, none, "Bearer " + none}) {
            Reply r = drive.get("/usercenter/v1/user/info", token);
            assertThat(r.status()).as("token %s", token).isEqualTo(401);
            assertThat(r.code()).as("token %s", token).isEqualTo(100003);
        }
        assertThat(drive.get("/usercenter/v1/user/info", sign(secret, user.id(), Instant.now().plusSeconds(600))).code()).isEqualTo(200);
    }

    @Test
    void loginAttemptsAreLimitedPerMobile() {
        User user = drive.newUser();
        for (int i = 0; i < 10; i++) {
            assertThat(drive.post("/usercenter/v1/user/login", null, "mobile", user.mobile(), "password", "wrong-pass").code())
                    .isEqualTo(200001);
        }
        Reply limited = drive.post("/usercenter/v1/user/login", null, "mobile", user.mobile(), "password", "s3cret-pass");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(100004);
        // another mobile from the same address is not held back
        User other = drive.newUser();
        assertThat(drive.post("/usercenter/v1/user/login", null, "mobile", other.mobile(), "password", "s3cret-pass").code())
                .isEqualTo(200);
    }

    @Test
    void loginAttemptsAreLimitedPerClientAddress() {
        try (SideRunner side = SideRunner.start(Map.of("mocks3.drive.login-per-address", "3"))) {
            DriveClient sideDrive = new DriveClient(side.runner(), MOCKS3.http());
            for (int i = 0; i < 3; i++) {
                assertThat(sideDrive.post("/usercenter/v1/user/login", null, "mobile", DriveClient.newMobile(), "password", "pass-word")
                        .code()).isEqualTo(200001);
            }
            Reply limited = sideDrive.post("/usercenter/v1/user/login", null, "mobile", DriveClient.newMobile(), "password", "pass-word");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo(100004);
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheEnvelope() {
        Reply unknown = drive.send("GET", "/usercenter/v1/user/nothing", null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(100005);
        Reply wrongMethod = drive.send("GET", "/usercenter/v1/user/login", null, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo(100006);
    }

    private static String sign(byte[] secret, long user, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(Long.toString(user))
                .issuer("mocks3-drive").issueTime(new Date()).expirationTime(Date.from(expires)).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
