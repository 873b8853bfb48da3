package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AnalyticsS3ExportFileFormat;
import software.amazon.awssdk.services.s3.model.IntelligentTieringAccessTier;
import software.amazon.awssdk.services.s3.model.IntelligentTieringStatus;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.ListBucketMetricsConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.MetricsConfiguration;
import software.amazon.awssdk.services.s3.model.StorageClassAnalysisSchemaVersion;
import software.amazon.awssdk.services.s3.model.Tiering;

/**
 * The configurations a bucket keeps by id: analytics, metrics, inventory and intelligent tiering, each
 * put, read, listed and deleted through the SDK, NoSuchConfiguration for an unknown id.
 */
class ConfigurationsByIdTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();
    private final RawHttp raw = new RawHttp(mocks3);

    @Test
    void analyticsConfigurationRoundTripsListsAndDeletes() {
        String bucket = mocks3.newBucket("analytics");
        String exports = mocks3.newBucket("analytics-out");
        assertError(() -> s3.getBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("report")), 404, "NoSuchConfiguration");
        s3.putBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("report").analyticsConfiguration(a -> a.id("report")
                .filter(f -> f.prefix("logs/"))
                .storageClassAnalysis(s -> s.dataExport(d -> d.outputSchemaVersion(StorageClassAnalysisSchemaVersion.V_1)
                        .destination(x -> x.s3BucketDestination(y -> y.format(AnalyticsS3ExportFileFormat.CSV)
                                .bucket("arn:aws:s3:::" + exports).prefix("analysis/")))))));

        var stored = s3.getBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("report")).analyticsConfiguration();
        assertThat(stored.id()).isEqualTo("report");
        assertThat(stored.filter().prefix()).isEqualTo("logs/");
        assertThat(stored.storageClassAnalysis().dataExport().destination().s3BucketDestination().bucket())
                .isEqualTo("arn:aws:s3:::" + exports);
        assertThat(s3.listBucketAnalyticsConfigurations(b -> b.bucket(bucket)).analyticsConfigurationList())
                .extracting(a -> a.id()).containsExactly("report");

        s3.deleteBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("report"));
        assertError(() -> s3.getBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("report")), 404, "NoSuchConfiguration");
        assertError(() -> s3.deleteBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("report")), 404, "NoSuchConfiguration");
        assertThat(s3.listBucketAnalyticsConfigurations(b -> b.bucket(bucket)).analyticsConfigurationList()).isEmpty();
    }

    @Test
    void metricsConfigurationsAreListedByIdOneHundredAPage() {
        String bucket = mocks3.newBucket("metrics");
        List<String> ids = IntStream.range(0, 105).mapToObj(i -> String.format("m-%03d", 104 - i)).toList();
        for (String id : ids) {
            s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id(id).metricsConfiguration(m -> m.id(id)
                    .filter(f -> f.prefix(id + "/"))));
        }
        ListBucketMetricsConfigurationsResponse first = s3.listBucketMetricsConfigurations(b -> b.bucket(bucket));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.metricsConfigurationList()).hasSize(100);
        ListBucketMetricsConfigurationsResponse second = s3.listBucketMetricsConfigurations(b -> b.bucket(bucket)
                .continuationToken(first.nextContinuationToken()));
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.continuationToken()).isEqualTo(first.nextContinuationToken());

        List<String> listed = new ArrayList<>();
        first.metricsConfigurationList().forEach(m -> listed.add(m.id()));
        second.metricsConfigurationList().forEach(m -> listed.add(m.id()));
        assertThat(listed).isEqualTo(ids.stream().sorted().toList());
        MetricsConfiguration one = s3.getBucketMetricsConfiguration(b -> b.bucket(bucket).id("m-042")).metricsConfiguration();
        assertThat(one.filter().prefix()).isEqualTo("m-042/");
    }

    @Test
    void aThousandConfigurationsOfAKindAreTheLimitOfABucket() {
        String bucket = mocks3.newBucket("metrics-limit");
        IntStream.range(0, 1000).parallel().forEach(i -> s3.putBucketMetricsConfiguration(b -> b.bucket(bucket)
                .id("m" + i).metricsConfiguration(m -> m.id("m" + i))));

        assertError(() -> s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id("one-more")
                .metricsConfiguration(m -> m.id("one-more"))), 400, "TooManyConfigurations");
        s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id("m7")
                .metricsConfiguration(m -> m.id("m7").filter(f -> f.prefix("replaced/"))));
        assertThat(s3.getBucketMetricsConfiguration(b -> b.bucket(bucket).id("m7")).metricsConfiguration().filter().prefix())
                .isEqualTo("replaced/");
        s3.putBucketAnalyticsConfiguration(b -> b.bucket(bucket).id("other-kind")
                .analyticsConfiguration(a -> a.id("other-kind").storageClassAnalysis(c -> c.build())));

        s3.deleteBucketMetricsConfiguration(b -> b.bucket(bucket).id("m0"));
        s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id("one-more").metricsConfiguration(m -> m.id("one-more")));
        assertError(() -> s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id("m0")
                .metricsConfiguration(m -> m.id("m0"))), 400, "TooManyConfigurations");
    }

    @Test
    void inventoryConfigurationRoundTripsAndReplacesTheOneWithTheSameId() {
        String bucket = mocks3.newBucket("inventory");
        String reports = mocks3.newBucket("inventory-out");
        for (InventoryFrequency frequency : List.of(InventoryFrequency.DAILY, InventoryFrequency.WEEKLY)) {
            s3.putBucketInventoryConfiguration(b -> b.bucket(bucket).id("nightly").inventoryConfiguration(i -> i.id("nightly")
                    .isEnabled(true).includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
                    .schedule(s -> s.frequency(frequency))
                    .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::" + reports).format(InventoryFormat.CSV)))
                    .optionalFieldsWithStrings(InventoryOptionalField.SIZE.toString(), InventoryOptionalField.E_TAG.toString())));
        }
        var stored = s3.getBucketInventoryConfiguration(b -> b.bucket(bucket).id("nightly")).inventoryConfiguration();
        assertThat(stored.isEnabled()).isTrue();
        assertThat(stored.schedule().frequency()).isEqualTo(InventoryFrequency.WEEKLY);
        assertThat(stored.optionalFields()).containsExactly(InventoryOptionalField.SIZE, InventoryOptionalField.E_TAG);
        assertThat(stored.destination().s3BucketDestination().format()).isEqualTo(InventoryFormat.CSV);
        assertThat(s3.listBucketInventoryConfigurations(b -> b.bucket(bucket)).inventoryConfigurationList()).hasSize(1);
        s3.deleteBucketInventoryConfiguration(b -> b.bucket(bucket).id("nightly"));
        assertThat(s3.listBucketInventoryConfigurations(b -> b.bucket(bucket)).inventoryConfigurationList()).isEmpty();
    }

    @Test
    void intelligentTieringConfigurationRoundTripsAndDaysOutOfRangeAreInvalidArgument() {
        String bucket = mocks3.newBucket("tiering");
        s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("archive").intelligentTieringConfiguration(c -> c
                .id("archive").status(IntelligentTieringStatus.ENABLED).filter(f -> f.prefix("old/"))
                .tierings(Tiering.builder().accessTier(IntelligentTieringAccessTier.ARCHIVE_ACCESS).days(90).build(),
                        Tiering.builder().accessTier(IntelligentTieringAccessTier.DEEP_ARCHIVE_ACCESS).days(180).build())));
        var stored = s3.getBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("archive"))
                .intelligentTieringConfiguration();
        assertThat(stored.status()).isEqualTo(IntelligentTieringStatus.ENABLED);
        assertThat(stored.tierings()).extracting(Tiering::days).containsExactly(90, 180);
        assertThat(s3.listBucketIntelligentTieringConfigurations(b -> b.bucket(bucket)).intelligentTieringConfigurationList())
                .extracting(c -> c.id()).containsExactly("archive");

        assertError(() -> s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("soon")
                .intelligentTieringConfiguration(c -> c.id("soon").status(IntelligentTieringStatus.ENABLED)
                        .tierings(Tiering.builder().accessTier(IntelligentTieringAccessTier.ARCHIVE_ACCESS).days(30).build()))),
                400, "InvalidArgument");
        assertError(() -> s3.getBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("soon")), 404, "NoSuchConfiguration");
        s3.deleteBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("archive"));
        assertError(() -> s3.getBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("archive")), 404,
                "NoSuchConfiguration");
    }

    @Test
    void aBodyWhoseIdDiffersOrThatS3WouldRefuseIsRefused() {
        String bucket = mocks3.newBucket("byid-bad");
        assertError(() -> s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id("one")
                .metricsConfiguration(m -> m.id("two"))), 400, "InvalidArgument");
        HttpResponse<String> twoPredicates = raw.send("PUT", "/" + bucket + "?metrics&id=one", "<MetricsConfiguration>"
                + "<Id>one</Id><Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter></MetricsConfiguration>");
        assertThat(twoPredicates.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(twoPredicates)).isEqualTo("MalformedXML");
        HttpResponse<String> badFormat = raw.send("PUT", "/" + bucket + "?inventory&id=one", "<InventoryConfiguration><Id>one</Id>"
                + "<IsEnabled>true</IsEnabled><IncludedObjectVersions>All</IncludedObjectVersions><Schedule><Frequency>Daily"
                + "</Frequency></Schedule><Destination><S3BucketDestination><Bucket>arn:aws:s3:::" + bucket + "</Bucket>"
                + "<Format>XLS</Format></S3BucketDestination></Destination></InventoryConfiguration>");
        assertThat(RawHttp.errorCode(badFormat)).isEqualTo("MalformedXML");
        HttpResponse<String> badToken = raw.get("/" + bucket + "?metrics&continuation-token=%25%25");
        assertThat(RawHttp.errorCode(badToken)).isEqualTo("InvalidArgument");
        assertThat(s3.listBucketMetricsConfigurations(b -> b.bucket(bucket)).metricsConfigurationList()).isEmpty();
        assertThat(s3.listBucketInventoryConfigurations(b -> b.bucket(bucket)).inventoryConfigurationList()).isEmpty();
    }

    @Test
    void deletingABucketRemovesItsConfigurations() {
        String bucket = mocks3.newBucket("byid-gone");
        s3.putBucketMetricsConfiguration(b -> b.bucket(bucket).id("all").metricsConfiguration(m -> m.id("all")));
        s3.putBucketIntelligentTieringConfiguration(b -> b.bucket(bucket).id("t").intelligentTieringConfiguration(c -> c.id("t")
                .status(IntelligentTieringStatus.DISABLED)
                .tierings(Tiering.builder().accessTier(IntelligentTieringAccessTier.ARCHIVE_ACCESS).days(365).build())));
        s3.deleteBucket(b -> b.bucket(bucket));
        s3.createBucket(b -> b.bucket(bucket));
        assertError(() -> s3.getBucketMetricsConfiguration(b -> b.bucket(bucket).id("all")), 404, "NoSuchConfiguration");
        assertThat(s3.listBucketIntelligentTieringConfigurations(b -> b.bucket(bucket)).intelligentTieringConfigurationList())
                .isEmpty();
        assertError(() -> s3.listBucketAnalyticsConfigurations(b -> b.bucket(MockS3Fixture.uniqueBucket("byid-missing"))),
                404, "NoSuchBucket");
    }
}
