package dev.mocks3.junit.examples;

import static dev.mocks3.junit.faults.FaultActions.staleRead;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.mocks3.junit.MockS3Buckets;
import dev.mocks3.junit.MockS3Extension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Example: a lister that knows which keys it wrote lists again until the listing shows them. */
@MockS3Buckets("catalog")
class StaleListingTest {

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().build();

    /** The code under test: lists until every expected key is there, pausing between tries, up to a deadline. */
    record PatientLister(S3Client s3, Duration pause, Duration deadline) {
        Listing awaitKeys(String bucket, Set<String> expected) throws InterruptedException {
            long giveUp = System.nanoTime() + deadline.toNanos();
            for (int listings = 1; ; listings++) {
                List<String> keys = s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
                if (keys.containsAll(expected) || System.nanoTime() > giveUp) {
                    return new Listing(keys, listings);
                }
                Thread.sleep(pause.toMillis());
            }
        }
    }

    record Listing(List<String> keys, int listings) {
    }

    @Test
    void newKeysMissingFromAStaleListingAreWaitedFor() throws Exception {
        s3.faults().onAnyOperation().bucket("catalog").respond(staleRead(Duration.ofSeconds(2)));
        for (String key : List.of("2030/01.json", "2030/02.json")) {
            s3.client().putObject(b -> b.bucket("catalog").key(key), RequestBody.fromString("{}"));
        }

        Listing listing = new PatientLister(s3.client(), Duration.ofMillis(250), Duration.ofSeconds(20))
                .awaitKeys("catalog", Set.of("2030/01.json", "2030/02.json"));

        assertThat(listing.keys()).containsExactlyInAnyOrder("2030/01.json", "2030/02.json");
        assertThat(listing.listings()).as("the first listings were stale").isGreaterThan(1);
    }
}
