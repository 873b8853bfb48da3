package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.state.StateFixture;

/**
 * What an instance of a release before state V21 calls during a rolling update (README): the 15-argument
 * write functions, which since V23 run the 16-argument ones with no content. Its writes land as before,
 * and it is told a released blob lost its last reference only when that blob's bytes were a file.
 */
class OlderReleaseWritesTest {
    private static final String ALONE_15 = "select * from write_unversioned_object_alone(1, 2, $1, $2, $3, 10, 'e', now(), "
            + "'text/plain', '{}'::jsonb, '{}'::jsonb, 'STANDARD', 'owner', '{}'::jsonb, '{}'::jsonb)";
    private static final String ALONE_16 = "select * from write_unversioned_object_alone(1, 2, $1, $2, $3, 10, 'e', now(), "
            + "'text/plain', '{}'::jsonb, '{}'::jsonb, 'STANDARD', 'owner', '{}'::jsonb, '{}'::jsonb, $4)";
    private static final String IN_TRANSACTION_15 = "select written, previous_sha256, released_last from "
            + "write_unversioned_object(1, 2, $1, $2, $3, 10, 'e', now(), 'text/plain', '{}'::jsonb, '{}'::jsonb, "
            + "'STANDARD', 'owner', '{}'::jsonb, '{}'::jsonb)";
    private final StateFixture state = new StateFixture();
    private final String bucket = state.newBucket();

    private record Written(boolean written, String previous, boolean releasedLast) {
    }

    @Test
    void anOlderInstanceReplacingASmallObjectInItsRowWritesAndHasNoFileToDelete() {
        String small = sha();
        String file = sha();
        Written first = state.db.sql(ALONE_16).bind(0, bucket).bind(1, "k").bind(2, small)
                .bind(3, "small body".getBytes(StandardCharsets.UTF_8)).map(OlderReleaseWritesTest::written).one().block();
        assertThat(first.written()).isTrue();

        Written older = state.db.sql(ALONE_15).bind(0, bucket).bind(1, "k").bind(2, file)
                .map(OlderReleaseWritesTest::written).one().block();

        assertThat(older).isEqualTo(new Written(true, small, false));
        assertThat(state.objects.find(bucket, "k").block().blobSha256()).isEqualTo(file);
        assertThat(state.referencesTo(small)).isZero();
        assertThat(state.referencesTo(file)).isEqualTo(1);
        assertThat(content(file)).as("an older instance's body is a file").isNull();
    }

    @Test
    void anOlderInstanceReplacingAFileIsToldItsLastReferenceWentInEitherFunction() {
        String first = sha();
        String second = sha();
        String third = sha();
        state.db.sql(ALONE_15).bind(0, bucket).bind(1, "k").bind(2, first).map(OlderReleaseWritesTest::written).one().block();

        Written alone = state.db.sql(ALONE_15).bind(0, bucket).bind(1, "k").bind(2, second)
                .map(OlderReleaseWritesTest::written).one().block();
        Written inTransaction = state.tx.transactional(state.db.sql(IN_TRANSACTION_15).bind(0, bucket).bind(1, "k")
                .bind(2, third).map(OlderReleaseWritesTest::written).one()).block();

        assertThat(alone).isEqualTo(new Written(true, first, true));
        assertThat(inTransaction).isEqualTo(new Written(true, second, true));
        assertThat(state.objects.find(bucket, "k").block().blobSha256()).isEqualTo(third);
        assertThat(state.referencesTo(third)).isEqualTo(1);
    }

    private static Written written(io.r2dbc.spi.Readable row) {
        return new Written(row.get("written", Boolean.class), row.get("previous_sha256", String.class),
                row.get("released_last", Boolean.class));
    }

    private byte[] content(String sha) {
        return state.db.sql("select content from blobs where sha256 = $1").bind(0, sha)
                .map(row -> java.util.Optional.ofNullable(row.get(0, byte[].class))).one().block().orElse(null);
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
