package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

class DriveDownloadTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private final DriveClient drive = new DriveClient(MOCKS3);

    @Test
    void aPresignedDownloadCarriesTheFileNameAndServesRanges() {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(10_000);
        long id = drive.upload(user, 0, "报告 \"final\".pdf", bytes);
        Reply link = drive.get("/file/v1/file/download", user.token(), "id", id);
        assertThat(link.data().path("name").asText()).isEqualTo("报告 \"final\".pdf");
        assertThat(link.data().path("size").asLong()).isEqualTo(10_000);
        URI url = URI.create(link.data().path("url").asText());

        HttpResponse<byte[]> whole = MOCKS3.http().sendAsync(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray()).join();
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"__ _final_.pdf\"")
                .contains("filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22final%22.pdf");

        HttpResponse<byte[]> range = MOCKS3.http().sendAsync(HttpRequest.newBuilder(url).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray()).join();
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
    }

    @Test
    void aSmallFileStreamsThroughTheDrive() {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(70_000);
        long id = drive.upload(user, 0, "small.bin", bytes);
        HttpResponse<byte[]> stream = drive.download("/file/v1/file/stream?id=" + id, user.token());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).isEqualTo(bytes);
        assertThat(stream.headers().firstValue("Content-Disposition").orElse("")).contains("small.bin");
        long folder = drive.folder(user, 0, "f");
        assertThat(drive.get("/file/v1/file/stream", user.token(), "id", folder).code()).isEqualTo(300007);
        assertThat(drive.get("/file/v1/file/download", user.token(), "id", folder).code()).isEqualTo(300007);
    }

    @Test
    void aFolderDownloadsAsAZipStream() throws Exception {
        User user = drive.newUser();
        long top = drive.folder(user, 0, "top");
        long sub = drive.folder(user, top, "sub");
        drive.folder(user, top, "empty");
        byte[] a = DriveClient.randomBytes(300_000);
        byte[] b = "hello zip".getBytes();
        drive.upload(user, top, "a.bin", a);
        drive.upload(user, sub, "b.txt", b);
        long trashed = drive.upload(user, sub, "trashed.txt", "gone".getBytes());
        drive.post("/file/v1/file/delete", user.token(), "id", trashed);

        HttpResponse<byte[]> zip = drive.download("/file/v1/folder/zip?id=" + top, user.token());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("top.zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrder("sub/", "empty/", "a.bin", "sub/b.txt");
        assertThat(entries.get("a.bin")).isEqualTo(a);
        assertThat(entries.get("sub/b.txt")).isEqualTo(b);

        HttpResponse<byte[]> whole = drive.download("/file/v1/folder/zip?id=0", user.token());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(whole.body()))) {
            int n = 0;
            while (in.getNextEntry() != null) {
                n++;
            }
            assertThat(n).isEqualTo(5);
        }
    }
}
