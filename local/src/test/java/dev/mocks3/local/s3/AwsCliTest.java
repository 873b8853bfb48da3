package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mocks3.local.MockS3Fixture;

/** The seed's AWS CLI section: mb, cp both ways (multipart above 8 MiB), ls, sync, rm, and s3api. */
class AwsCliTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void awsCliMakesCopiesListsSyncsAndRemoves(@TempDir Path dir) throws Exception {
        String bucket = MockS3Fixture.uniqueBucket("cli");
        Path small = Files.writeString(dir.resolve("file.txt"), "hello from the aws cli");
        Path large = dir.resolve("large.bin");
        byte[] bytes = new byte[12 * 1024 * 1024];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(large, bytes);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("a.txt"), "a");
        Files.writeString(folder.resolve("b.txt"), "b");

        aws("s3", "mb", "s3://" + bucket);
        aws("s3", "cp", small.toString(), "s3://" + bucket + "/");
        aws("s3", "cp", large.toString(), "s3://" + bucket + "/large.bin");
        aws("s3", "sync", folder.toString(), "s3://" + bucket + "/folder/");
        String listing = aws("s3", "ls", "s3://" + bucket + "/", "--recursive");
        assertThat(listing).contains("file.txt").contains("large.bin").contains("folder/a.txt").contains("folder/b.txt");

        Path back = dir.resolve("back.bin");
        aws("s3", "cp", "s3://" + bucket + "/large.bin", back.toString());
        assertThat(Files.readAllBytes(back)).isEqualTo(bytes);

        String head = aws("s3api", "head-object", "--bucket", bucket, "--key", "file.txt");
        assertThat(head).contains("\"ContentLength\": 22");

        aws("s3", "rm", "s3://" + bucket + "/file.txt");
        assertThat(aws("s3", "ls", "s3://" + bucket + "/")).doesNotContain("file.txt");
    }

    @Test
    void putObjectWithASha256ChecksumIsVerifiedAndReturned(@TempDir Path dir) throws Exception {
        String bucket = mocks3.newBucket("cli-checksum");
        Path file = Files.writeString(dir.resolve("file.txt"), "checksummed by the aws cli");
        String put = aws("s3api", "put-object", "--bucket", bucket, "--key", "file.txt", "--body", file.toString(),
                "--checksum-algorithm", "SHA256");
        String sha256 = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
        assertThat(put).contains(sha256);
        String head = aws("s3api", "head-object", "--bucket", bucket, "--key", "file.txt", "--checksum-mode", "ENABLED");
        assertThat(head).contains("\"ChecksumSHA256\": \"" + sha256 + "\"");
    }

    @Test
    void s3apiReadsTheBucketSettingsTerraformRefreshes(@TempDir Path dir) throws Exception {
        String bucket = mocks3.newBucket("cli-settings");
        assertThat(aws("s3api", "get-bucket-accelerate-configuration", "--bucket", bucket)).doesNotContain("Status");
        assertThat(aws("s3api", "get-bucket-request-payment", "--bucket", bucket)).contains("\"Payer\": \"BucketOwner\"");
        assertThat(aws("s3api", "get-bucket-logging", "--bucket", bucket)).doesNotContain("LoggingEnabled");

        Path website = Files.writeString(dir.resolve("website.json"),
                "{\"IndexDocument\": {\"Suffix\": \"index.html\"}, \"ErrorDocument\": {\"Key\": \"404.html\"}}");
        aws("s3api", "put-bucket-website", "--bucket", bucket, "--website-configuration", "file://" + website);
        assertThat(aws("s3api", "get-bucket-website", "--bucket", bucket))
                .contains("\"Suffix\": \"index.html\"").contains("\"Key\": \"404.html\"");
        aws("s3api", "put-bucket-accelerate-configuration", "--bucket", bucket, "--accelerate-configuration", "Status=Enabled");
        assertThat(aws("s3api", "get-bucket-accelerate-configuration", "--bucket", bucket)).contains("\"Status\": \"Enabled\"");
        aws("s3api", "put-bucket-metrics-configuration", "--bucket", bucket, "--id", "EntireBucket",
                "--metrics-configuration", "Id=EntireBucket");
        assertThat(aws("s3api", "list-bucket-metrics-configurations", "--bucket", bucket)).contains("\"Id\": \"EntireBucket\"");
    }

    private String aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", mocks3.endpoint().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", MockS3Fixture.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", MockS3Fixture.SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
