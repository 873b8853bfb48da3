package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjects v1 and v2 as S3 pages them: binary key order, delimiter folding, markers and tokens. */
class ListingTest {
    private static final List<String> KEYS = List.of("a.txt", "dir/one", "dir/sub/two", "dir/three", "e f/g", "z");
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private String bucket;

    @BeforeEach
    void fillBucket() {
        bucket = mocks3.newBucket("listing");
        KEYS.forEach(key -> mocks3.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key)));
    }

    @Test
    void delimiterFoldsKeysIntoCommonPrefixes() {
        ListObjectsV2Response page = mocks3.s3().listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("a.txt", "z");
        assertThat(page.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/", "e f/");
        assertThat(page.keyCount()).isEqualTo(4);

        ListObjectsV2Response inDir = mocks3.s3().listObjectsV2(b -> b.bucket(bucket).prefix("dir/").delimiter("/"));
        assertThat(inDir.contents()).extracting(S3Object::key).containsExactly("dir/one", "dir/three");
        assertThat(inDir.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/sub/");
    }

    @Test
    void continuationTokensWalkEveryEntryOnceWithCommonPrefixesCountedAsEntries() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListObjectsV2Response page = mocks3.s3().listObjectsV2(b -> b.bucket(bucket).delimiter("/").maxKeys(1)
                    .continuationToken(current));
            page.contents().forEach(o -> seen.add(o.key()));
            page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
            assertThat(page.keyCount()).isEqualTo(1);
            token = page.isTruncated() ? page.nextContinuationToken() : null;
            pages++;
        } while (token != null && pages < 20);
        assertThat(seen).containsExactly("a.txt", "dir/", "e f/", "z");
    }

    @Test
    void startAfterAndFetchOwner() {
        ListObjectsV2Response page = mocks3.s3().listObjectsV2(b -> b.bucket(bucket).startAfter("dir/three").fetchOwner(true));
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("e f/g", "z");
        assertThat(page.contents().get(0).owner().displayName()).isEqualTo("test");
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents().get(0).owner()).isNull();
    }

    @Test
    void urlEncodingTypeEncodesKeysAndTheSdkDecodesThem() {
        ListObjectsV2Response page = mocks3.s3().listObjectsV2(b -> b.bucket(bucket).prefix("e f").encodingType(EncodingType.URL));
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("e f/g");
        String raw = new RawHttp(mocks3).get("/" + bucket + "?list-type=2&prefix=e%20f&encoding-type=url").body();
        assertThat(raw).contains("<Key>e%20f/g</Key>").contains("<Prefix>e%20f</Prefix>")
                .contains("<EncodingType>url</EncodingType>");
    }

    @Test
    void urlEncodingKeepsSlashesAndEncodesWhatS3Encodes() {
        mocks3.s3().putObject(b -> b.bucket(bucket).key("x+y/caf\u00e9 1&2"), software.amazon.awssdk.core.sync.RequestBody.fromString("v"));
        RawHttp curl = new RawHttp(mocks3);
        String v2 = curl.get("/" + bucket + "?list-type=2&prefix=x%2By&delimiter=%2F&start-after=x%2B&encoding-type=url").body();
        assertThat(v2).contains("<Prefix>x%2By</Prefix>").contains("<StartAfter>x%2B</StartAfter>")
                .contains("<Delimiter>/</Delimiter>").contains("<Prefix>x%2By/</Prefix>");

        String v1 = curl.get("/" + bucket + "?prefix=x%2By/&marker=x%2By/a%20b&encoding-type=url").body();
        assertThat(v1).contains("<Prefix>x+y/</Prefix>").contains("<Marker>x%2By/a%20b</Marker>")
                .contains("<Key>x%2By/caf%C3%A9%201%262</Key>");
        var sdk = mocks3.s3().listObjects(b -> b.bucket(bucket).prefix("x+y/").encodingType(EncodingType.URL));
        assertThat(sdk.contents()).extracting(S3Object::key).containsExactly("x+y/caf\u00e9 1&2");
    }

    @Test
    void anEmptyContinuationTokenListsFromTheStart() {
        ListObjectsV2Response page = mocks3.s3().listObjectsV2(b -> b.bucket(bucket).continuationToken(""));
        assertThat(page.contents()).extracting(S3Object::key).containsExactlyElementsOf(KEYS);
        var raw = new RawHttp(mocks3).get("/" + bucket + "?list-type=2&continuation-token=");
        assertThat(raw.statusCode()).isEqualTo(200);
    }

    @Test
    void version1ListingPagesWithMarkerAndNextMarker() {
        var first = mocks3.s3().listObjects(b -> b.bucket(bucket).delimiter("/").maxKeys(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextMarker()).isEqualTo("dir/");
        var second = mocks3.s3().listObjects(b -> b.bucket(bucket).delimiter("/").marker(first.nextMarker()));
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("z");
        assertThat(second.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("e f/");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void deleteObjectsInQuietModeReportsNothingAndRemovesEverything() {
        var result = mocks3.s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true)
                .objects(KEYS.stream().map(k -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(k).build()).toList())));
        assertThat(result.deleted()).isEmpty();
        assertThat(result.errors()).isEmpty();
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        mocks3.s3().deleteBucket(b -> b.bucket(bucket));
    }
}
