package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A GET racing overwrites of its key answers the old or the new object, never an error. */
class OverwriteRaceTest {
    private static final Duration RACE = Duration.ofSeconds(5);
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void getRacingOverwritesAnswersAWrittenVersionWithItsEtag() throws InterruptedException {
        String bucket = mocks3.newBucket("getrace");
        S3Client client = MockS3Fixture.singleAttemptClient(mocks3.endpoint()); // a 500 must show, not be retried
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicInteger versions = new AtomicInteger();
        written.add("version 0");
        client.putObject(b -> b.bucket(bucket).key("hot"), RequestBody.fromString("version 0"));
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicInteger gets = new AtomicInteger();
        long end = System.nanoTime() + RACE.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        for (int w = 0; w < 2; w++) {
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    String content = "version " + versions.incrementAndGet();
                    written.add(content);
                    client.putObject(b -> b.bucket(bucket).key("hot"), RequestBody.fromString(content));
                }
                return null;
            });
        }
        for (int r = 0; r < 4; r++) {
            threads.submit(() -> {
                while (System.nanoTime() < end && wrong.size() < 10) {
                    gets.incrementAndGet();
                    try {
                        var object = client.getObjectAsBytes(b -> b.bucket(bucket).key("hot"));
                        String body = object.asUtf8String();
                        String etag = object.response().eTag().replace("\"", "");
                        if (!written.contains(body) || !etag.equals(SdkObjectsTest.md5Hex(body))) {
                            wrong.add("body '" + body + "' with ETag " + etag);
                        }
                    } catch (RuntimeException e) {
                        wrong.add(e.toString());
                    }
                }
                return null;
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(RACE.toSeconds() + 30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong).as("answers of %d GETs racing %d overwrites", gets.get(), versions.get()).isEmpty();
        System.out.printf("OverwriteRaceTest: %d GETs racing %d overwrites%n", gets.get(), versions.get());
        assertThat(versions.get()).isGreaterThan(5);
    }
}
