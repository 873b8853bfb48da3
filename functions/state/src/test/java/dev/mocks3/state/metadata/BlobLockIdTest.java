package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.state.StateFixture;

/**
 * The SQL functions (V11) and the Java code lock a blob's hash under the same advisory lock id; if the
 * two drifted apart, a PUT and an orphan check of the same content would no longer exclude each other
 * and a concurrent upload of that content could lose its file.
 */
class BlobLockIdTest {
    private final StateFixture state = new StateFixture();

    @Test
    void sqlAndJavaGiveEveryHashTheSameLockId() {
        List<String> hashes = List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "7fffffffffffffff000000000000000000000000000000000000000000000000",
                "8000000000000000ffffffffffffffffffffffffffffffffffffffffffffffff",
                "ffffffffffffffff000000000000000000000000000000000000000000000000",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08-3");
        for (String sha256 : hashes) {
            Long sql = state.db.sql("select blob_lock_id($1)").bind(0, sha256).map(row -> row.get(0, Long.class)).one().block();
            assertThat(sql).as(sha256).isEqualTo(BlobReferences.lockId(sha256));
        }
    }
}
