package dev.mocks3.state.metadata;

import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.state.StateFixture;

class ObjectListerTest {
    private static final ChangeCause INTERNAL_CREATE = ChangeCause.internal(S3EventNames.OBJECT_CREATED_PUT);
    private final StateFixture state = new StateFixture();
    private final String bucket = state.newBucket();

    @Test
    void keysComeInUtf8BinaryOrder() {
        put("z", "é", "a", "B", "a/b", "a-");

        assertThat(keys(state.lister.list(bucket, "", null, null, 1000).block()))
                .containsExactly("B", "a", "a-", "a/b", "z", "é");
    }

    @Test
    void aPrefixSelectsKeysAndADelimiterFoldsThemIntoCommonPrefixes() {
        put("photos/2024/jan.jpg", "photos/2024/feb.jpg", "photos/2025/mar.jpg", "photos/index.html", "videos/a.mp4");

        Listing listing = state.lister.list(bucket, "photos/", "/", null, 1000).block();

        assertThat(keys(listing)).containsExactly("photos/index.html");
        assertThat(listing.commonPrefixes()).containsExactly("photos/2024/", "photos/2025/");
        assertThat(listing.truncated()).isFalse();
    }

    @Test
    void commonPrefixesCountTowardsMaxKeysAndPagesResumeAfterTheLastReturned() {
        put("a/1", "a/2", "b", "c/1", "d", "e");
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        Listing page;
        do {
            page = state.lister.list(bucket, "", "/", after, 2).block();
            assertThat(page.contents().size() + page.commonPrefixes().size()).isLessThanOrEqualTo(2);
            seen.addAll(page.commonPrefixes());
            seen.addAll(keys(page));
            after = page.lastReturned();
            pages++;
        } while (page.truncated());

        assertThat(seen).containsExactlyInAnyOrder("a/", "b", "c/", "d", "e");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aMarkerThatIsACommonPrefixSkipsEverythingUnderIt() {
        put("logs/1", "logs/2", "logs/3", "readme");

        Listing listing = state.lister.list(bucket, "", "/", "logs/", 1000).block();

        assertThat(listing.commonPrefixes()).isEmpty();
        assertThat(keys(listing)).containsExactly("readme");
    }

    @Test
    void maxKeysZeroReturnsNothingAndIsNotTruncated() {
        put("only");

        Listing some = state.lister.list(bucket, "", null, null, 0).block();

        assertThat(some.contents()).isEmpty();
        assertThat(some.commonPrefixes()).isEmpty();
        assertThat(some.truncated()).isFalse();
    }

    @Test
    void aDeletedKeyLeavesTheListing() {
        put("stay", "go");
        state.writer.delete(bucket, "go").block();

        assertThat(keys(state.lister.list(bucket, "", null, null, 1000).block())).containsExactly("stay");
    }

    /** Objects sharing one blob, linked as copies: only their keys matter here. */
    private void put(String... keys) {
        ObjectRecord first = state.writer.write(StateFixture.draft(bucket, keys[0]), state.stage("listed " + UUID.randomUUID()), null)
                .block();
        for (int i = 1; i < keys.length; i++) {
            state.writer.link(new ObjectRecord(bucket, keys[i], first.blobSha256(), first.size(), first.etag(),
                    first.lastModified(), "text/plain", Map.of(), Map.of(), "STANDARD", "owner-key", Map.of()), INTERNAL_CREATE).block();
        }
    }

    private static List<String> keys(Listing listing) {
        return listing.contents().stream().map(ObjectRecord::key).toList();
    }
}
