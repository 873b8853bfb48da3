package dev.mocks3.state.metadata;

import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.state.StateFixture;
import dev.mocks3.state.blob.StagedBlob;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

class ObjectWriterTest {
    private static final ChangeCause INTERNAL_CREATE = ChangeCause.internal(S3EventNames.OBJECT_CREATED_PUT);
    private static final ChangeCause INTERNAL_DELETE = ChangeCause.internal(S3EventNames.OBJECT_REMOVED_DELETE);
    /** If-None-Match: * as PutObject checks it inside the writing transaction. */
    private static final WriteCondition IF_NONE_MATCH = current -> {
        if (current.isPresent()) {
            throw S3Error.PRECONDITION_FAILED.exception().with("Condition", "If-None-Match");
        }
    };
    private final StateFixture state = new StateFixture();
    private final String bucket = state.newBucket();

    @Test
    void aWrittenObjectIsFoundWithItsMetadataAndReadBack() {
        String content = "hello " + UUID.randomUUID();
        ObjectDraft draft = new ObjectDraft(bucket, "docs/a.txt", "text/plain", Map.of("Cache-Control", "no-cache"),
                Map.of("colour", "blue"), "STANDARD", "alice");
        StagedBlob staged = state.stage(content);

        ObjectRecord written = state.writer.write(draft, staged, null).block();
        ObjectRecord found = state.objects.find(bucket, "docs/a.txt").block();

        assertThat(found).isEqualTo(written);
        assertThat(found.etag()).isEqualTo(staged.md5Hex());
        assertThat(found.size()).isEqualTo(content.length());
        assertThat(found.headers()).containsEntry("Cache-Control", "no-cache");
        assertThat(found.userMetadata()).containsEntry("colour", "blue");
        assertThat(found.checksums()).containsEntry("CRC32", staged.crc32());
        assertThat(read(found)).isEqualTo(content);
    }

    @Test
    void overwritingAKeyReleasesThePreviousContent() {
        ObjectRecord first = state.writer.write(StateFixture.draft(bucket, "k"), state.stage("first " + UUID.randomUUID()), null).block();
        ObjectRecord second = state.writer.write(StateFixture.draft(bucket, "k"), state.stage("second " + UUID.randomUUID()), null).block();

        assertThat(state.referencesTo(first.blobSha256())).isZero();
        assertThat(state.blobFileExists(first.blobSha256())).isFalse();
        assertThat(state.referencesTo(second.blobSha256())).isEqualTo(1);
        assertThat(read(state.objects.find(bucket, "k").block())).startsWith("second ");
    }

    @Test
    void overwritingAKeyKeepsTheContentAnotherKeyShares() {
        String content = "shared " + UUID.randomUUID();
        ObjectRecord kept = state.writer.write(StateFixture.draft(bucket, "kept"), state.stage(content), null).block();
        state.writer.write(StateFixture.draft(bucket, "k"), state.stage(content), null).block();
        ObjectRecord second = state.writer.write(StateFixture.draft(bucket, "k"), state.stage("second " + UUID.randomUUID()), null).block();

        assertThat(state.referencesTo(kept.blobSha256())).isEqualTo(1);
        assertThat(state.blobFileExists(kept.blobSha256())).isTrue();
        assertThat(state.referencesTo(second.blobSha256())).isEqualTo(1);
        assertThat(read(state.objects.find(bucket, "kept").block())).isEqualTo(content);
    }

    @Test
    void writingAKeyAgainWithItsOwnContentKeepsOneReference() {
        String content = "again " + UUID.randomUUID();
        state.writer.write(StateFixture.draft(bucket, "k"), state.stage(content), null).block();
        ObjectRecord again = state.writer.write(StateFixture.draft(bucket, "k"), state.stage(content), null).block();

        assertThat(state.referencesTo(again.blobSha256())).isEqualTo(1);
        assertThat(state.blobFileExists(again.blobSha256())).isTrue();
        assertThat(read(state.objects.find(bucket, "k").block())).isEqualTo(content);
    }

    @Test
    void keysWithTheSameContentShareOneBlobUntilTheLastIsDeleted() {
        String content = "shared " + UUID.randomUUID();
        ObjectRecord a = state.writer.write(StateFixture.draft(bucket, "a"), state.stage(content), null).block();
        ObjectRecord b = state.writer.write(StateFixture.draft(bucket, "b"), state.stage(content), null).block();
        assertThat(b.blobSha256()).isEqualTo(a.blobSha256());
        assertThat(state.referencesTo(a.blobSha256())).isEqualTo(2);

        assertThat(state.writer.delete(bucket, "a").block()).isTrue();
        assertThat(state.referencesTo(a.blobSha256())).isEqualTo(1);
        assertThat(read(state.objects.find(bucket, "b").block())).isEqualTo(content);

        assertThat(state.writer.delete(bucket, "b").block()).isTrue();
        assertThat(state.referencesTo(a.blobSha256())).isZero();
        assertThat(state.blobFileExists(a.blobSha256())).isFalse();
    }

    @Test
    void aCopyKeepsTheContentWhenTheOriginalIsDeleted() {
        String content = "copied " + UUID.randomUUID();
        ObjectRecord original = state.writer.write(StateFixture.draft(bucket, "original"), state.stage(content), null).block();
        ObjectRecord copy = new ObjectRecord(bucket, "copy", original.blobSha256(), original.size(), original.etag(),
                original.lastModified(), original.contentType(), Map.of(), Map.of(), "STANDARD", "bob", original.checksums());

        state.writer.link(copy, INTERNAL_CREATE).block();
        state.writer.delete(bucket, "original").block();

        assertThat(state.referencesTo(original.blobSha256())).isEqualTo(1);
        assertThat(read(state.objects.find(bucket, "copy").block())).isEqualTo(content);
    }

    @Test
    void deletingAMissingKeySaysSo() {
        assertThat(state.writer.delete(bucket, "never-written").block()).isFalse();
        assertThat(state.objects.find(bucket, "never-written").blockOptional()).isEmpty();
    }

    @Test
    void ifNoneMatchLetsExactlyOneOfConcurrentCreatorsWin() {
        int writers = 8;
        List<StagedBlob> bodies = Stream.generate(() -> state.stage("racer " + UUID.randomUUID())).limit(writers).toList();

        List<String> outcomes = Flux.fromIterable(bodies)
                .flatMap(body -> state.writer.write(StateFixture.draft(bucket, "contested"), body, null, IF_NONE_MATCH, INTERNAL_CREATE)
                        .map(written -> "created " + written.blobSha256())
                        .onErrorResume(S3Exception.class, e -> Mono.just(e.code()))
                        .subscribeOn(Schedulers.parallel()), writers)
                .collectList().block(Duration.ofSeconds(60));

        List<String> created = outcomes.stream().filter(o -> o.startsWith("created ")).toList();
        assertThat(created).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("created ")).hasSize(writers - 1)
                .containsOnly("PreconditionFailed");
        String winner = created.get(0).substring("created ".length());
        assertThat(state.objects.find(bucket, "contested").block().blobSha256()).isEqualTo(winner);
        for (StagedBlob body : bodies) {
            assertThat(state.referencesTo(body.sha256())).isEqualTo(body.sha256().equals(winner) ? 1 : 0);
            assertThat(body.file()).as("a losing upload's temporary file").doesNotExist();
        }
    }

    @Test
    void ifNoneMatchRefusesAnExistingKeyAndKeepsIt() {
        ObjectRecord existing = state.writer.write(StateFixture.draft(bucket, "kept"), state.stage("kept " + UUID.randomUUID()), null).block();
        StagedBlob late = state.stage("late " + UUID.randomUUID());

        assertThatThrownBy(() -> state.writer.write(StateFixture.draft(bucket, "kept"), late, null, IF_NONE_MATCH, INTERNAL_CREATE).block())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("PreconditionFailed"));
        assertThat(state.objects.find(bucket, "kept").block()).isEqualTo(existing);
        assertThat(Files.exists(late.file())).isFalse();
        assertThat(state.referencesTo(late.sha256())).isZero();
    }

    @Test
    void writingIntoABucketDeletedMeanwhileIsNoSuchBucketAndKeepsNothing() {
        StagedBlob body = state.stage("orphaned " + UUID.randomUUID());

        assertThatThrownBy(() -> state.writer.write(StateFixture.draft("no-such-bucket-" + UUID.randomUUID(), "k"), body, null)
                .block())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
        assertThat(state.referencesTo(body.sha256())).isZero();
        assertThat(Files.exists(body.file())).isFalse();
    }

    @Test
    void contentWrittenWhileAnOverwriteDropsItsLastReferenceIsKept() {
        for (int round = 0; round < 20; round++) {
            String content = "contended " + UUID.randomUUID();
            state.writer.write(StateFixture.draft(bucket, "dropping"), state.stage(content), null).block();
            String key = "taking-" + round;
            Flux.merge(state.writer.write(StateFixture.draft(bucket, "dropping"), state.stage("other " + UUID.randomUUID()), null)
                                    .subscribeOn(Schedulers.parallel()),
                            state.writer.write(StateFixture.draft(bucket, key), state.stage(content), null)
                                    .subscribeOn(Schedulers.parallel()))
                    .then().block(Duration.ofSeconds(30));

            ObjectRecord taken = state.objects.find(bucket, key).block();
            assertThat(state.referencesTo(taken.blobSha256())).isEqualTo(1);
            assertThat(state.blobFileExists(taken.blobSha256())).as("round %d", round).isTrue();
            assertThat(read(taken)).isEqualTo(content);
        }
    }

    @Test
    void aConditionalDeleteChecksTheObjectItFindsWithTheKeyLocked() throws Exception {
        ObjectRecord first = state.writer.write(StateFixture.draft(bucket, "k"), state.stage("first " + UUID.randomUUID()), null).block();
        WriteCondition ifMatchFirst = current -> {
            if (!current.equals(java.util.Optional.of(first.etag()))) {
                throw S3Error.PRECONDITION_FAILED.exception().with("Condition", "If-Match");
            }
        };
        // another writer holds the key and replaces the object while the conditional delete waits for it
        BlobReferences.NameLock lock = BlobReferences.NameLock.of(bucket, "k");
        Sinks.Empty<Void> release = Sinks.empty();
        var holder = state.tx.transactional(state.db.sql("select pg_advisory_xact_lock($1, $2)").bind(0, lock.high()).bind(1, lock.low()).then()
                        .then(state.db.sql("update objects set etag = 'replaced' where bucket = $1 and key = $2")
                                .bind(0, bucket).bind(1, "k").then())
                        .then(release.asMono()))
                .subscribeOn(Schedulers.parallel()).toFuture();
        awaitAdvisoryLocks(true);
        var deletion = state.writer.delete(bucket, "k", null, INTERNAL_DELETE, VersionGuard.NONE, ifMatchFirst)
                .subscribeOn(Schedulers.parallel()).toFuture();
        awaitAdvisoryLocks(false);

        release.tryEmitEmpty();
        holder.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThatThrownBy(() -> deletion.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(S3Exception.class, refused -> assertThat(refused.error()).isEqualTo(S3Error.PRECONDITION_FAILED));
        assertThat(state.objects.find(bucket, "k").block().etag()).isEqualTo("replaced");
    }

    /** Waits until a two-int advisory lock is held ({@code granted}) or waited for. */
    private void awaitAdvisoryLocks(boolean granted) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Long count = state.db.sql("select count(*) from pg_locks where locktype = 'advisory' and objsubid = 2 and granted = $1")
                    .bind(0, granted).map(row -> row.get(0, Long.class)).one().block();
            if (count != null && count > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no advisory lock " + (granted ? "held" : "waited for"));
    }

    private String read(ObjectRecord object) {
        return DataBufferUtils.join(state.blobs.read(object.blobSha256(), 0, object.size()))
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return text;
                }).block();
    }
}
