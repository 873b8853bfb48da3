package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mocks3.local.MockS3Fixture;

/** s3cmd with {@code --signature-v2} (Debian's s3cmd): every request it sends is signed with SigV2. */
class S3cmdSigV2Test {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void s3cmdWithSignatureV2MakesPutsListsGetsAndDeletes(@TempDir Path dir) throws Exception {
        String bucket = MockS3Fixture.uniqueBucket("s3cmd");
        Path config = Files.writeString(dir.resolve("s3cfg"), String.join("\n",
                "[default]",
                "access_key = " + MockS3Fixture.ACCESS_KEY,
                "secret_key = " + MockS3Fixture.SECRET_KEY,
                "host_base = localhost:" + mocks3.endpoint().getPort(),
                "host_bucket = localhost:" + mocks3.endpoint().getPort(),
                "use_https = False",
                "signature_v2 = True",
                "check_ssl_certificate = False",
                ""));
        Path small = Files.writeString(dir.resolve("note.txt"), "signed with version 2");
        Path large = dir.resolve("large.bin");
        byte[] bytes = new byte[6 * 1024 * 1024 + 100];
        new java.util.Random(2).nextBytes(bytes);
        Files.write(large, bytes);

        s3cmd(config, "mb", "s3://" + bucket);
        s3cmd(config, "put", small.toString(), "s3://" + bucket + "/dir/note.txt");
        s3cmd(config, "put", "--multipart-chunk-size-mb=5", large.toString(), "s3://" + bucket + "/large.bin");
        assertThat(s3cmd(config, "ls", "--recursive", "s3://" + bucket)).contains("dir/note.txt").contains("large.bin");

        Path back = dir.resolve("back.bin");
        s3cmd(config, "get", "s3://" + bucket + "/large.bin", back.toString());
        assertThat(Files.readAllBytes(back)).isEqualTo(bytes);
        assertThat(s3cmd(config, "info", "s3://" + bucket + "/dir/note.txt")).contains("File size: 21");

        s3cmd(config, "del", "s3://" + bucket + "/dir/note.txt");
        assertThat(s3cmd(config, "ls", "--recursive", "s3://" + bucket)).doesNotContain("note.txt");
    }

    private static String s3cmd(Path config, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("s3cmd", "-c", config.toString(), "--signature-v2", "--no-progress"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("s3cmd %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
