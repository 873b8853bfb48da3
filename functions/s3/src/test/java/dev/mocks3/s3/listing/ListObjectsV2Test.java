package dev.mocks3.s3.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.Calls;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.StateFixture;
import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.RenderedListing;

/** The listObjectsV2 function on the real stores, without the application. */
class ListObjectsV2Test {
    private final StateFixture state = new StateFixture();
    private final ListObjectsV2 listObjectsV2 = new ListObjectsV2(new Lookups(state.buckets, state.objects, state.versions), state.lister);
    private final String bucket = state.newBucket();

    @Test
    void pagesThroughABucketWithContinuationTokens() {
        for (String key : List.of("e", "a", "d", "b", "c")) {
            state.writer.write(StateFixture.draft(bucket, key), state.stage(key + " " + UUID.randomUUID()), null).block();
        }
        List<String> keys = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("list-type", "2", "max-keys", "2"));
            if (token != null) {
                query.put("continuation-token", token);
            }
            XmlDocument page = XmlDocument.parse(body(list(query)));
            XmlDocument.children(page.root(), "Contents").forEach(c -> keys.add(XmlDocument.childText(c, "Key")));
            counts.add(XmlDocument.childText(page.root(), "KeyCount"));
            token = XmlDocument.childText(page.root(), "NextContinuationToken");
        } while (token != null);

        assertThat(keys).containsExactly("a", "b", "c", "d", "e");
        assertThat(counts).containsExactly("2", "2", "1");
    }

    @Test
    void theAnswerKeepsItsPageSoALaterStageCanRenderItAgain() {
        state.writer.write(StateFixture.draft(bucket, "photos/cat.jpg"), state.stage("cat " + UUID.randomUUID()), null).block();
        state.writer.write(StateFixture.draft(bucket, "readme"), state.stage("readme " + UUID.randomUUID()), null).block();

        S3Call answered = list(Map.of("list-type", "2", "delimiter", "/"));
        RenderedListing kept = answered.attribute(RenderedListing.ATTRIBUTE);

        assertThat(kept.listing().commonPrefixes()).containsExactly("photos/");
        assertThat(new String(kept.render(kept.listing()), StandardCharsets.UTF_8)).isEqualTo(Calls.body(answered));
        Element root = XmlDocument.parse(kept.render(new Listing(List.of(), List.of(), false, null))).root();
        assertThat(XmlDocument.childText(root, "KeyCount")).isEqualTo("0");
        assertThat(XmlDocument.childText(root, "Delimiter")).isEqualTo("/");
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        S3Call call = Calls.call(S3Operation.LIST_OBJECTS_V2, "GET", "no-such-" + UUID.randomUUID(), null,
                Map.of("list-type", "2"), null);
        assertThatThrownBy(() -> Calls.run(listObjectsV2, call))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
    }

    private S3Call list(Map<String, String> query) {
        return Calls.run(listObjectsV2, Calls.call(S3Operation.LIST_OBJECTS_V2, "GET", bucket, null, query, null));
    }

    private static byte[] body(S3Call answered) {
        return Calls.body(answered).getBytes(StandardCharsets.UTF_8);
    }
}
