package dev.mocks3.junit.examples;

import static dev.mocks3.core.routing.S3Operation.GET_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.corruptBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.mocks3.junit.MockS3Buckets;
import dev.mocks3.junit.MockS3Extension;
import dev.mocks3.junit.faults.FaultHandle;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Example: a reader that checks each download against the SHA-256 stored with the object, and reads again. */
@MockS3Buckets("documents")
class ChecksumReaderTest {

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().build();

    /** The code under test: trusts a download only when its SHA-256 matches the one written at upload. */
    record ChecksumReader(S3Client s3, int attempts) {
        static void write(S3Client s3, String bucket, String key, byte[] content) {
            s3.putObject(b -> b.bucket(bucket).key(key).metadata(Map.of("sha256", sha256(content))), RequestBody.fromBytes(content));
        }

        Read read(String bucket, String key) {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                if (sha256(got.asByteArray()).equals(got.response().metadata().get("sha256"))) {
                    return new Read(got.asByteArray(), attempt - 1);
                }
            }
            throw new IllegalStateException(key + " was corrupt on all " + attempts + " reads");
        }

        static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Read(byte[] content, int corruptReads) {
    }

    @Test
    void aCorruptedDownloadIsDetectedAndReadAgain() {
        byte[] report = "quarterly figures: 1, 2, 3".repeat(100).getBytes(StandardCharsets.UTF_8);
        // the SDK's own response checksums off, so that the reader's check is what gets tested
        S3Client client = s3.clientBuilder().responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
        ChecksumReader.write(client, "documents", "report.txt", report);
        FaultHandle bitFlip = s3.faults().on(GET_OBJECT).bucket("documents").firstAttempts(1).respond(corruptBody());

        Read read = new ChecksumReader(client, 3).read("documents", "report.txt");

        assertThat(read.content()).isEqualTo(report);
        assertThat(read.corruptReads()).isEqualTo(1);
        bitFlip.assertTriggered(1).assertEveryFaultRetried();
    }
}
