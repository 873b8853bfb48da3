package dev.mocks3.faults.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.ObjectRecord;

class StaleListingTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aNewKeyIsHiddenAChangedOneShownAsBeforeAndADeletedOneBackInOrder() {
        Listing page = new Listing(List.of(object("a", "new-etag", 5), object("c", "changed-etag", 7)), List.of("logs/"),
                false, "logs/");
        Map<String, StaleSnapshot> stale = Map.of(
                "a", StaleSnapshot.absent("r1"),
                "b&<deleted>", before("\"old-b\"", "3", "Sun, 01 Mar 2026 11:00:00 GMT"),
                "c", before("\"old-c\"", "4", "Sun, 01 Mar 2026 10:00:00 GMT"));

        Listing shown = StaleListing.apply(page, stale, "", "/");

        assertThat(shown.contents()).extracting(ObjectRecord::key).containsExactly("b&<deleted>", "c");
        ObjectRecord back = shown.contents().get(0);
        assertThat(back.quotedEtag()).isEqualTo("\"old-b\"");
        assertThat(back.size()).isEqualTo(3);
        assertThat(back.lastModified()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        ObjectRecord changed = shown.contents().get(1);
        assertThat(changed.etag()).isEqualTo("old-c");
        assertThat(changed.size()).isEqualTo(4);
        assertThat(changed.owner()).isEqualTo("owner");
        assertThat(shown.commonPrefixes()).containsExactly("logs/");
    }

    @Test
    void keysOutsideThePrefixOrBelowTheDelimiterAreLeftAlone() {
        Listing page = new Listing(List.of(object("docs/a", "e", 1)), List.of("docs/old/"), false, "docs/old/");
        Map<String, StaleSnapshot> stale = Map.of(
                "docs/a", StaleSnapshot.absent("r1"),
                "docs/old/x", before("\"x\"", "1", "Sun, 01 Mar 2026 11:00:00 GMT"),
                "images/y", before("\"y\"", "1", "Sun, 01 Mar 2026 11:00:00 GMT"));

        Listing shown = StaleListing.apply(page, stale, "docs/", "/");

        assertThat(shown.contents()).isEmpty();
        assertThat(shown.commonPrefixes()).containsExactly("docs/old/");
    }

    private static ObjectRecord object(String key, String etag, long size) {
        return new ObjectRecord("bucket", key, "f".repeat(64), size, etag, NOW, "text/plain", Map.of(), Map.of(), "STANDARD",
                "owner", Map.of());
    }

    private static StaleSnapshot before(String etag, String size, String modified) {
        return new StaleSnapshot("r1", true, Map.of("ETag", etag, "Content-Length", size, "Last-Modified", modified), new byte[0]);
    }
}
