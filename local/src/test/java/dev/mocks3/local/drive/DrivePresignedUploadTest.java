package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.drive.upload.UploadSweeper;
import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

class DrivePresignedUploadTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private static final int MIB = 1024 * 1024;
    private final DriveClient drive = new DriveClient(MOCKS3);
    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void removeRules() throws Exception {
        for (String id : rules) {
            rulesApi("DELETE", "/api/v1/rules/" + id, null);
        }
    }

    @Test
    void aSmallFileUploadsWithPlainCurlToThePresignedUrl() throws Exception {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(100_000);
        Path file = Files.createTempFile("drive-upload", ".bin");
        Files.write(file, bytes);
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "curl.bin", "size", bytes.length,
                "sha256", DriveClient.sha256(bytes));
        assertThat(presign.code()).isEqualTo(200);
        assertThat(presign.data().path("multipart").asBoolean()).isFalse();
        JsonNode part = presign.data().path("parts").get(0);
        assertThat(part.path("method").asText()).isEqualTo("PUT");
        assertThat(part.path("url").asText()).startsWith(MOCKS3.endpoint().toString().replace("localhost", "127.0.0.1"));
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-T", file.toString()));
        headers(part).forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        command.add(part.path("url").asText());
        assertThat(run(command)).isEqualTo("200");
        Files.delete(file);
        // nothing is charged until the callback
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isZero();

        Reply done = drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText());
        assertThat(done.code()).isEqualTo(200);
        assertThat(done.data().path("name").asText()).isEqualTo("curl.bin");
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isEqualTo(bytes.length);
        assertThat(drive.download("/file/v1/file/stream?id=" + done.data().path("id").asLong(), user.token()).body()).isEqualTo(bytes);
        // the upload is used up
        assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText()).code())
                .isEqualTo(300008);
    }

    @Test
    void s3RefusesABodyThatIsNotTheDeclaredOneAndTheCallbackSaysBytesAreMissing() {
        User user = drive.newUser();
        byte[] declared = DriveClient.randomBytes(1000);
        byte[] other = DriveClient.randomBytes(1000);
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "x.bin", "size", 1000,
                "sha256", DriveClient.sha256(declared));
        assertThat(drive.put(presign.data().path("parts").get(0), other)).isEqualTo(400);
        Reply callback = drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText());
        assertThat(callback.code()).isEqualTo(300009);
        assertThat(callback.status()).isEqualTo(409);
        assertThat(drive.put(presign.data().path("parts").get(0), declared)).isEqualTo(200);
        assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText()).code())
                .isEqualTo(200);
    }

    @Test
    void anInterruptedMultipartUploadResumesWithoutResendingFinishedParts() {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(20 * MIB);
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "big.bin", "size", bytes.length,
                "sha256", DriveClient.sha256(bytes));
        JsonNode plan = presign.data();
        assertThat(plan.path("multipart").asBoolean()).isTrue();
        assertThat(plan.path("partSize").asLong()).isEqualTo(8L * MIB);
        assertThat(plan.path("partCount").asInt()).isEqualTo(3);
        String uploadId = plan.path("uploadId").asText();
        // only the first part goes before the "connection drops"
        JsonNode first = plan.path("parts").get(0);
        assertThat(drive.put(first, slice(bytes, first))).isEqualTo(200);
        assertThat(drive.callback(user.token(), uploadId).code()).isEqualTo(300009);

        Reply resume = drive.get("/file/v1/upload/parts", user.token(), "uploadId", uploadId);
        assertThat(resume.data().path("uploaded").size()).isEqualTo(1);
        assertThat(resume.data().path("uploaded").get(0).path("partNumber").asInt()).isEqualTo(1);
        List<Integer> missing = new ArrayList<>();
        for (JsonNode part : resume.data().path("parts")) {
            missing.add(part.path("partNumber").asInt());
            assertThat(drive.put(part, slice(bytes, part))).isEqualTo(200);
        }
        assertThat(missing).containsExactly(2, 3);
        Reply done = drive.callback(user.token(), uploadId);
        assertThat(done.code()).isEqualTo(200);
        assertThat(done.data().path("size").asLong()).isEqualTo(bytes.length);
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isEqualTo(bytes.length);
        String url = drive.get("/file/v1/file/download", user.token(), "id", done.data().path("id").asLong()).data().path("url").asText();
        assertThat(MOCKS3.http().sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).join().body()).isEqualTo(bytes);
    }

    @Test
    void aMultipartUploadWhoseBytesAreNotTheDeclaredOnesIsRefusedAndForgotten() {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(17 * MIB);
        byte[] declared = bytes.clone();
        declared[10] ^= 1;
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "bad.bin", "size", bytes.length,
                "sha256", DriveClient.sha256(declared));
        for (JsonNode part : presign.data().path("parts")) {
            assertThat(drive.put(part, slice(bytes, part))).isEqualTo(200);
        }
        String uploadId = presign.data().path("uploadId").asText();
        Reply refused = drive.callback(user.token(), uploadId);
        assertThat(refused.code()).isEqualTo(300010);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(drive.callback(user.token(), uploadId).code()).isEqualTo(300008);
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isZero();
        assertThat(drive.get("/file/v1/file/list", user.token()).data().path("list").size()).isZero();
        assertThat(MOCKS3.s3().listObjectsV2(b -> b.bucket(DriveBucketObjects.BUCKET).prefix("uploads/" + user.id() + "/"))
                .contents()).as("the refused bytes are deleted").isEmpty();
    }

    @Test
    void aPresignedPutFailedByAFaultRuleSucceedsWhenRetried() throws Exception {
        User user = drive.newUser();
        rules.add(createRule("{\"name\":\"drive-put\",\"max_triggers\":1,\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"polaris-files\"},{\"type\":\"key\",\"prefix\":\"uploads/" + user.id() + "/\"},"
                + "{\"type\":\"operation\",\"value\":\"PutObject\"}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\"}}"));
        byte[] bytes = DriveClient.randomBytes(5000);
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "retry.bin", "size", bytes.length,
                "sha256", DriveClient.sha256(bytes));
        JsonNode part = presign.data().path("parts").get(0);
        assertThat(drive.put(part, bytes)).isEqualTo(503);
        assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText()).code())
                .isEqualTo(300009);
        assertThat(drive.put(part, bytes)).isEqualTo(200);
        assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText()).code())
                .isEqualTo(200);
    }

    @Test
    void theDriveRetriesItsOwnS3CallsThroughTransientFaults() throws Exception {
        User user = drive.newUser();
        String rule = createRule("{\"name\":\"drive-head\",\"max_triggers\":2,\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"polaris-files\"},{\"type\":\"key\",\"prefix\":\"uploads/" + user.id() + "/\"},"
                + "{\"type\":\"operation\",\"value\":\"HeadObject\"}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\"}}");
        rules.add(rule);
        long id = drive.upload(user, 0, "survivor.bin", DriveClient.randomBytes(3000));
        assertThat(drive.get("/file/v1/file/detail", user.token(), "id", id).code()).isEqualTo(200);
        assertThat(DriveClient.JSON.readTree(rulesApi("GET", "/api/v1/rules/" + rule, null)).path("stats").path("triggered").asLong())
                .as("both injected 503s met the drive's HEAD, which it retried").isEqualTo(2);
    }

    @Test
    void anUploadThatNeverCallsBackIsAbortedAndForgotten() {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(17 * MIB);
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "abandoned.bin",
                "size", bytes.length, "sha256", DriveClient.sha256(bytes));
        JsonNode first = presign.data().path("parts").get(0);
        assertThat(drive.put(first, slice(bytes, first))).isEqualTo(200);
        String key = "uploads/" + user.id() + "/" + presign.data().path("uploadId").asText();
        assertThat(MOCKS3.s3().listMultipartUploads(b -> b.bucket(DriveBucketObjects.BUCKET).prefix(key)).uploads()).hasSize(1);

        assertThat(MOCKS3.bean(UploadSweeper.class).sweep(Duration.ZERO).block()).isGreaterThanOrEqualTo(1);
        assertThat(MOCKS3.s3().listMultipartUploads(b -> b.bucket(DriveBucketObjects.BUCKET).prefix(key)).uploads()).isEmpty();
        assertThat(drive.get("/file/v1/upload/parts", user.token(), "uploadId", presign.data().path("uploadId").asText()).code())
                .isEqualTo(300008);
    }

    @Test
    void presignChecksTheFolderTheQuotaAndTheDeclaration() {
        User user = drive.newUser();
        String sha = DriveClient.sha256(new byte[1]);
        assertThat(drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "x", "size", 65L * MIB, "sha256", sha)
                .code()).isEqualTo(300005);
        assertThat(drive.post("/file/v1/upload/presign", user.token(), "parentId", 424242, "name", "x", "size", 1, "sha256", sha)
                .code()).isEqualTo(300001);
        assertThat(drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "..", "size", 1, "sha256", sha)
                .code()).isEqualTo(300003);
        assertThat(drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "x", "sha256", sha).code())
                .isEqualTo(100002);
        assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", "no-such-upload").code()).isEqualTo(300008);
    }

    static byte[] slice(byte[] bytes, JsonNode part) {
        long partSize = 8L * MIB;
        int from = (int) ((part.path("partNumber").asInt() - 1) * partSize);
        return Arrays.copyOfRange(bytes, from, from + part.path("size").asInt());
    }

    private static Map<String, String> headers(JsonNode part) {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = part.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                headers.put(h.getKey(), h.getValue().asText());
            }
        }
        return headers;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.strip();
    }

    private static String createRule(String json) throws Exception {
        JsonNode created = DriveClient.JSON.readTree(rulesApi("POST", "/api/v1/rules", json));
        return created.path("id").asText();
    }

    private static String rulesApi(String method, String path, String body) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + MOCKS3.bean(FaultsApiServer.class).port() + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return MOCKS3.http().sendAsync(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).join().body();
    }
}
