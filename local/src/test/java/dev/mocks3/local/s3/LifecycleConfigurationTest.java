package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** PutBucketLifecycleConfiguration / Get / Delete through the SDK, and S3's errors for documents it refuses. */
class LifecycleConfigurationTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp raw = new RawHttp(mocks3);

    @Test
    void configurationRoundTripsThroughPutGetAndDelete() {
        String bucket = mocks3.newBucket("lifecycle");
        Instant newYear = Instant.parse("2031-01-01T00:00:00Z");
        List<LifecycleRule> rules = List.of(
                LifecycleRule.builder().id("expire-logs").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("logs/")).expiration(e -> e.days(30)).build(),
                LifecycleRule.builder().id("abort-stale-uploads").status(ExpirationStatus.DISABLED)
                        .filter(f -> f.prefix("")).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)).build(),
                LifecycleRule.builder().id("tagged-tmp").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.and(LifecycleRuleAndOperator.builder().prefix("tmp/")
                                .tags(Tag.builder().key("class").value("scratch").build()).build()))
                        .expiration(e -> e.date(newYear)).build());

        mocks3.s3().putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
        GetBucketLifecycleConfigurationResponse stored = mocks3.s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket));

        assertThat(stored.rules()).extracting(LifecycleRule::id)
                .containsExactly("expire-logs", "abort-stale-uploads", "tagged-tmp");
        assertThat(stored.rules().get(0).filter().prefix()).isEqualTo("logs/");
        assertThat(stored.rules().get(0).expiration().days()).isEqualTo(30);
        assertThat(stored.rules().get(1).status()).isEqualTo(ExpirationStatus.DISABLED);
        assertThat(stored.rules().get(1).abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(7);
        assertThat(stored.rules().get(2).filter().and().tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("class", "scratch"));
        assertThat(stored.rules().get(2).expiration().date()).isEqualTo(newYear);

        mocks3.s3().deleteBucketLifecycle(b -> b.bucket(bucket));
        assertThatThrownBy(() -> mocks3.s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchLifecycleConfiguration");
                });
    }

    @Test
    void rulesSentWithoutAnIdAreStoredWithOneS3MadeUpAndNamedRulesKeepTheirs() {
        String bucket = mocks3.newBucket("lifecycleids");
        mocks3.s3().putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().status(ExpirationStatus.ENABLED).filter(f -> f.prefix("a/"))
                        .expiration(e -> e.days(31)).build(),
                LifecycleRule.builder().id("named").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("b/"))
                        .expiration(e -> e.days(120)).build(),
                LifecycleRule.builder().status(ExpirationStatus.ENABLED).filter(f -> f.prefix("c/"))
                        .expiration(e -> e.days(7)).build())));

        List<LifecycleRule> stored = mocks3.s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();

        assertThat(stored).extracting(r -> r.filter().prefix()).containsExactly("a/", "b/", "c/");
        assertThat(stored.get(1).id()).isEqualTo("named");
        assertThat(stored.get(0).id()).isNotBlank().hasSizeLessThanOrEqualTo(255).isNotEqualTo(stored.get(2).id());
        assertThat(stored.get(2).id()).isNotBlank();
        assertThat(stored.get(0).expiration().days()).isEqualTo(31);
        // the same answer on every read: the ID is stored, not made up per GET
        assertThat(mocks3.s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules())
                .extracting(LifecycleRule::id).containsExactly(stored.get(0).id(), "named", stored.get(2).id());
    }

    @Test
    void writesAndReadsOfAnObjectARuleExpiresAnnounceTheDayAndTheRule() {
        String bucket = mocks3.newBucket("expiryheader");
        mocks3.s3().putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("rule1").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("days1/"))
                        .expiration(e -> e.days(1)).build(),
                LifecycleRule.builder().id("scratch tags").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.tag(Tag.builder().key("class").value("scratch").build()))
                        .expiration(e -> e.days(3)).build())));
        Instant before = Instant.now();

        String put = mocks3.s3().putObject(b -> b.bucket(bucket).key("days1/foo"), RequestBody.fromString("bar")).expiration();
        Instant modified = mocks3.s3().headObject(b -> b.bucket(bucket).key("days1/foo")).lastModified();
        // a day after the last modification, rounded up to the next midnight UTC
        Instant due = modified.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        String expected = "expiry-date=\"" + DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC).format(due) + "\", rule-id=\"rule1\"";
        assertThat(put).isEqualTo(expected);
        assertThat(Duration.between(before, due).toDays()).isEqualTo(1);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("days1/foo")).expiration()).isEqualTo(expected);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("days1/foo")).response().expiration()).isEqualTo(expected);
        assertThat(mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("days1/foo")
                .destinationBucket(bucket).destinationKey("days1/copy")).expiration()).endsWith("rule-id=\"rule1\"");
        String upload = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("days1/mp")).uploadId();
        String etag = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("days1/mp").uploadId(upload).partNumber(1),
                RequestBody.fromString("part")).eTag();
        assertThat(mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("days1/mp").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))).expiration()).endsWith("rule-id=\"rule1\"");

        // no rule for this key, and a tag rule only once the object carries the tag
        assertThat(mocks3.s3().putObject(b -> b.bucket(bucket).key("other"), RequestBody.fromString("x")).expiration()).isNull();
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("other")).expiration()).isNull();
        mocks3.s3().putObjectTagging(b -> b.bucket(bucket).key("other")
                .tagging(t -> t.tagSet(Tag.builder().key("class").value("scratch").build())));
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("other")).expiration()).endsWith("rule-id=\"scratch%20tags\""); // URL-encoded, as S3 sends it
    }

    @Test
    void aStoredConfigurationThatCannotBeParsedAnnouncesNoExpiryAndFailsNoWriteOrRead() {
        // as an older or newer release may have stored them: cut short, and with an element this one does not know
        String everything = "<Filter><Prefix></Prefix></Filter><Expiration><Days>1</Days></Expiration>";
        List<String> unreadable = List.of(rule(everything).replace("</Rule></LifecycleConfiguration>", ""),
                rule(everything + "<ExpireAfterLastRead>1</ExpireAfterLastRead>"));
        for (String document : unreadable) {
            String bucket = mocks3.newBucket("unreadablelifecycle");
            mocks3.bean(DatabaseClient.class).sql("insert into bucket_lifecycle (bucket, document) values ($1, $2)")
                    .bind(0, bucket).bind(1, document).fetch().rowsUpdated().block(Duration.ofSeconds(10));

            var put = mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept"));
            assertThat(put.expiration()).as("PUT under %s", document).isNull();
            var got = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"));
            assertThat(got.asUtf8String()).isEqualTo("kept");
            assertThat(got.response().expiration()).as("GET under %s", document).isNull();
            assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("k")).expiration()).as("HEAD under %s", document).isNull();
            assertThat(mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket)
                    .destinationKey("copy")).expiration()).as("copy under %s", document).isNull();
            String upload = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("mp")).uploadId();
            String etag = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("mp").uploadId(upload).partNumber(1),
                    RequestBody.fromString("part")).eTag();
            assertThat(mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("mp").uploadId(upload)
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))).expiration())
                    .as("completed upload under %s", document).isNull();
        }
    }

    @Test
    void aBucketWithoutConfigurationHasNoSuchLifecycleConfigurationAndAMissingBucketNoSuchBucket() {
        String bucket = mocks3.newBucket("nolifecycle");
        HttpResponse<String> none = raw.get("/" + bucket + "?lifecycle");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(RawHttp.errorCode(none)).isEqualTo("NoSuchLifecycleConfiguration");
        assertThat(none.body()).contains("<BucketName>" + bucket + "</BucketName>");

        HttpResponse<String> missing = raw.send("PUT", "/" + MockS3Fixture.uniqueBucket("gone") + "?lifecycle",
                rule("<Filter><Prefix>a/</Prefix></Filter><Expiration><Days>1</Days></Expiration>"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(RawHttp.errorCode(missing)).isEqualTo("NoSuchBucket");
        assertThat(raw.send("DELETE", "/" + bucket + "?lifecycle", null).statusCode()).isEqualTo(204);
    }

    @Test
    void documentsS3RefusesAreAnsweredWithItsErrorsAndLeaveTheConfigurationAsItWas() {
        String bucket = mocks3.newBucket("badlifecycle");
        String good = rule("<Filter><Prefix>a/</Prefix></Filter><Expiration><Days>1</Days></Expiration>");
        assertThat(raw.send("PUT", "/" + bucket + "?lifecycle", good).statusCode()).isEqualTo(200);

        assertRefused(bucket, "this is not xml", "MalformedXML");
        assertRefused(bucket, "<LifecycleConfiguration/>", "MalformedXML");
        assertRefused(bucket, "<LifecycleConfiguration><Rule><ID>x</ID><Filter/><Expiration><Days>1</Days></Expiration>"
                + "</Rule></LifecycleConfiguration>", "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Expiration><Days>1</Days><Date>2030-01-01T00:00:00Z</Date></Expiration>"),
                "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Prefix>a</Prefix><Expiration><Days>1</Days></Expiration>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Expiration><Days>1</Days><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>"
                + "</Expiration>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Expiration><Date>2030-01-01T00:00:00Z</Date>"
                + "<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Expiration><ExpiredObjectDeleteMarker>yes</ExpiredObjectDeleteMarker></Expiration>"),
                "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Transition><Days>1</Days><StorageClass>COLD</StorageClass></Transition>"),
                "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Transition><Days>1</Days><Date>2030-01-01T00:00:00Z</Date>"
                + "<StorageClass>GLACIER</StorageClass></Transition>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Transition><Days>10</Days><StorageClass>STANDARD_IA</StorageClass></Transition>"),
                "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><NoncurrentVersionTransition><NoncurrentDays>5</NoncurrentDays>"
                + "<StorageClass>ONEZONE_IA</StorageClass></NoncurrentVersionTransition>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><Transition><Days>5</Days><StorageClass>GLACIER</StorageClass></Transition>"
                + "<Expiration><Days>5</Days></Expiration>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><Transition><Days>5</Days><StorageClass>GLACIER</StorageClass></Transition>"
                + "<Transition><Days>9</Days><StorageClass>GLACIER</StorageClass></Transition>"), "InvalidRequest");
        assertRefused(bucket, rule("<Filter/><NoncurrentVersionExpiration><NewerNoncurrentVersions>2</NewerNoncurrentVersions>"
                + "</NoncurrentVersionExpiration>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><NoncurrentVersionExpiration><NoncurrentDays>0</NoncurrentDays>"
                + "</NoncurrentVersionExpiration>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>"
                + "<NewerNoncurrentVersions>0</NewerNoncurrentVersions></NoncurrentVersionExpiration>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>"
                + "<NewerNoncurrentVersions>101</NewerNoncurrentVersions></NoncurrentVersionExpiration>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
                + "<Expiration><Days>1</Days></Expiration>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Expiration><Days>one</Days></Expiration>"), "MalformedXML");
        assertRefused(bucket, rule("<Filter/><Expiration><Days>0</Days></Expiration>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><Expiration><Date>2030-01-01T12:00:00Z</Date></Expiration>"), "InvalidArgument");
        assertRefused(bucket, rule("<Filter/><AbortIncompleteMultipartUpload><DaysAfterInitiation>-2</DaysAfterInitiation>"
                + "</AbortIncompleteMultipartUpload>"), "InvalidArgument");
        assertRefused(bucket, "<LifecycleConfiguration>" + ruleBody("twin", "<Filter/><Expiration><Days>1</Days></Expiration>")
                + ruleBody("twin", "<Filter/><Expiration><Days>2</Days></Expiration>") + "</LifecycleConfiguration>",
                "InvalidArgument");
        assertRefused(bucket, rule("<Filter><Prefix>a/</Prefix></Filter>"), "InvalidRequest");
        assertRefused(bucket, rule("<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
                + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload>"),
                "InvalidRequest");
        assertRefused(bucket, rule("<Filter><And><Prefix>a</Prefix><Tag><Key>k</Key><Value>1</Value></Tag>"
                + "<Tag><Key>k</Key><Value>2</Value></Tag></And></Filter><Expiration><Days>1</Days></Expiration>"), "InvalidRequest");

        HttpResponse<String> kept = raw.get("/" + bucket + "?lifecycle");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(good);
    }

    private void assertRefused(String bucket, String document, String code) {
        HttpResponse<String> response = raw.send("PUT", "/" + bucket + "?lifecycle", document);
        assertThat(response.statusCode()).as("status for %s", document).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).as("error for %s", document).isEqualTo(code);
    }

    private static String rule(String body) {
        return "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + ruleBody("r", body)
                + "</LifecycleConfiguration>";
    }

    private static String ruleBody(String id, String body) {
        return "<Rule><ID>" + id + "</ID>" + body + "<Status>Enabled</Status></Rule>";
    }
}
