package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A seeded decision depends on the request (rule, operation, bucket, key, part, attempt) and the seed
 * only; decisions can be recorded, exported and replayed; events name the multipart upload and part.
 */
class ReplayableDecisionsTest {
    private static final int KEYS = 64;
    private static final int ATTEMPTS = 3;
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final S3Client s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());
    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        api.send("POST", "/api/v1/recordings/stop", null);
        api.send("DELETE", "/api/v1/replay", null);
        rules.forEach(api::delete);
    }

    @Test
    void aSeededRuleHitsTheSameKeyAttemptPairsWithOneAndWith32ClientThreads() throws Exception {
        String bucket = mocks3.newBucket("seeded");
        String id = "seeded-" + bucket;
        String rule = rule(id, bucket, "\"seed\": 42,", 0.3);

        api.create(rule);
        Set<String> oneThread = run(bucket, 1);
        api.delete(id);
        api.create(rule);
        rules.add(id);
        Set<String> manyThreads = run(bucket, 32);

        assertThat(manyThreads).isEqualTo(oneThread);
        // 30 % of 192 requests: far from none and from all
        assertThat(oneThread.size()).isBetween(30, 90);
    }

    @Test
    void aRecordedRunReplayedGetsTheSameFaultsOnTheSameRequests() throws Exception {
        String bucket = mocks3.newBucket("replay");
        String id = "unseeded-" + bucket;
        api.create(rule(id, bucket, "", 0.5));
        rules.add(id);

        HttpResponse<String> started = api.send("POST", "/api/v1/recordings", "{\"name\": \"replay test\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        String recording = RulesApiClient.json(started).get("id").asText();
        Set<String> recorded = run(bucket, 8);
        assertThat(api.send("POST", "/api/v1/recordings/stop", null).statusCode()).isEqualTo(200);
        JsonNode export = api.get("/api/v1/recordings/" + recording);

        JsonNode decisions = export.get("decisions");
        assertThat(decisions).hasSize(KEYS * ATTEMPTS);
        Set<String> firedInRecording = new TreeSet<>();
        for (JsonNode d : decisions) {
            assertThat(d.get("rule_id").asText()).isEqualTo(id);
            assertThat(d.get("draw").asDouble()).isBetween(0.0, 1.0);
            assertThat(d.get("fired").asBoolean()).isEqualTo(d.get("draw").asDouble() < 0.5);
            if (d.get("fired").asBoolean()) {
                firedInRecording.add(d.get("key").asText() + "#" + d.get("attempt").asLong());
            }
        }
        assertThat(firedInRecording).isEqualTo(recorded);
        assertThat(recorded.size()).isBetween(50, 142);

        HttpResponse<String> replay = api.send("POST", "/api/v1/replay", export.toString());
        assertThat(replay.statusCode()).isEqualTo(200);
        Set<String> replayed = run(bucket, 8);
        JsonNode status = RulesApiClient.json(api.send("DELETE", "/api/v1/replay", null));

        assertThat(replayed).isEqualTo(recorded);
        assertThat(status.get("found").asLong()).isEqualTo(KEYS * ATTEMPTS);
        assertThat(status.get("missing").asLong()).isZero();
    }

    @Test
    void faultEventsNameTheMultipartUploadAndPart() {
        String bucket = mocks3.newBucket("parts");
        rules.add(api.create("{\"name\":\"part 2\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket
                + "\"},{\"type\":\"operation\",\"value\":\"UploadPart\"},{\"type\":\"part_number\",\"min\":2,\"max\":2}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":503}}"));
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("big")).uploadId();
        s3.uploadPart(b -> b.bucket(bucket).key("big").uploadId(upload).partNumber(1), RequestBody.fromBytes(new byte[100]));
        try {
            s3.uploadPart(b -> b.bucket(bucket).key("big").uploadId(upload).partNumber(2), RequestBody.fromBytes(new byte[100]));
        } catch (S3Exception expected) {
            assertThat(expected.statusCode()).isEqualTo(503);
        }

        JsonNode event = api.events("bucket=" + bucket, 1).get("events").get(0);
        assertThat(event.get("upload_id").asText()).isEqualTo(upload);
        assertThat(event.get("part_number").asInt()).isEqualTo(2);
    }

    private static String rule(String id, String bucket, String seed, double probability) {
        return "{\"id\": \"" + id + "\", \"name\": \"decided\", " + seed + " \"conditions\": [{\"type\": \"bucket\", \"value\": \""
                + bucket + "\"}, {\"type\": \"operation\", \"value\": \"HeadObject\"}, {\"type\": \"probability\", \"value\": "
                + probability + "}], \"action\": {\"type\": \"http_error\", \"http_code\": 503}}";
    }

    /** HEADs each key {@link #ATTEMPTS} times, one key after the other per thread; answers the "key#attempt" pairs that got 503. */
    private Set<String> run(String bucket, int threads) throws Exception {
        Set<String> hit = new ConcurrentSkipListSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int k = first; k < KEYS; k += threads) {
                        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                            if (headStatus(bucket, "key-" + k) == 503) {
                                hit.add("key-" + k + "#" + attempt);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new TreeSet<>(hit);
    }

    private int headStatus(String bucket, String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).sdkHttpResponse().statusCode();
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }
}
