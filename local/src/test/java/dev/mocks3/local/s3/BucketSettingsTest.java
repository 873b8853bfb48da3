package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.BucketLogsPermission;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.Protocol;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.RoutingRule;
import software.amazon.awssdk.services.s3.model.TargetGrant;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * The bucket settings Terraform's aws_s3_bucket refresh and backup tools read: website, transfer
 * acceleration, request payment, logging and replication, stored and answered as S3 does, defaults included.
 */
class BucketSettingsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/replication";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();
    private final RawHttp raw = new RawHttp(mocks3);

    @Test
    void websiteRoundTripsAndDeleteLeavesNoSuchWebsiteConfiguration() {
        String bucket = mocks3.newBucket("website");
        assertError(() -> s3.getBucketWebsite(b -> b.bucket(bucket)), 404, "NoSuchWebsiteConfiguration");

        s3.putBucketWebsite(b -> b.bucket(bucket).websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .errorDocument(e -> e.key("error.html"))
                .routingRules(RoutingRule.builder().condition(c -> c.keyPrefixEquals("docs/"))
                        .redirect(r -> r.replaceKeyPrefixWith("documents/").httpRedirectCode("301")).build())));
        var website = s3.getBucketWebsite(b -> b.bucket(bucket));
        assertThat(website.indexDocument().suffix()).isEqualTo("index.html");
        assertThat(website.errorDocument().key()).isEqualTo("error.html");
        assertThat(website.routingRules()).singleElement().satisfies(rule -> {
            assertThat(rule.condition().keyPrefixEquals()).isEqualTo("docs/");
            assertThat(rule.redirect().replaceKeyPrefixWith()).isEqualTo("documents/");
            assertThat(rule.redirect().httpRedirectCode()).isEqualTo("301");
        });

        s3.deleteBucketWebsite(b -> b.bucket(bucket));
        assertError(() -> s3.getBucketWebsite(b -> b.bucket(bucket)), 404, "NoSuchWebsiteConfiguration");
    }

    @Test
    void websiteRedirectingEveryRequestNeedsNoIndexDocument() {
        String bucket = mocks3.newBucket("website-redirect");
        s3.putBucketWebsite(b -> b.bucket(bucket).websiteConfiguration(w -> w.redirectAllRequestsTo(r -> r
                .hostName("example.com").protocol(Protocol.HTTPS))));
        var redirect = s3.getBucketWebsite(b -> b.bucket(bucket)).redirectAllRequestsTo();
        assertThat(redirect.hostName()).isEqualTo("example.com");
        assertThat(redirect.protocol()).isEqualTo(Protocol.HTTPS);
    }

    @Test
    void websiteS3RefusesIsRefusedAndNothingIsStored() {
        String bucket = mocks3.newBucket("website-bad");
        assertRefused(raw.send("PUT", "/" + bucket + "?website", "<WebsiteConfiguration><ErrorDocument><Key>e.html</Key>"
                + "</ErrorDocument></WebsiteConfiguration>"), "InvalidArgument", "IndexDocument Suffix must be provided");
        assertRefused(raw.send("PUT", "/" + bucket + "?website", "<WebsiteConfiguration><IndexDocument><Suffix>a/index.html"
                + "</Suffix></IndexDocument></WebsiteConfiguration>"), "InvalidArgument", "The IndexDocument Suffix is not well formed");
        assertRefused(raw.send("PUT", "/" + bucket + "?website", "<WebsiteConfiguration><RedirectAllRequestsTo><HostName>x.com"
                + "</HostName></RedirectAllRequestsTo><IndexDocument><Suffix>i.html</Suffix></IndexDocument></WebsiteConfiguration>"),
                "InvalidArgument", "RedirectAllRequestsTo cannot be provided in conjunction");
        assertRefused(raw.send("PUT", "/" + bucket + "?website", "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix>"
                + "</IndexDocument><RoutingRules><RoutingRule><Redirect><ReplaceKeyWith>a</ReplaceKeyWith>"
                + "<ReplaceKeyPrefixWith>b</ReplaceKeyPrefixWith></Redirect></RoutingRule></RoutingRules></WebsiteConfiguration>"),
                "InvalidRequest", "ReplaceKeyPrefix or ReplaceKey but not both");
        assertRefused(raw.send("PUT", "/" + bucket + "?website", "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix>"
                + "</IndexDocument><RoutingRules><RoutingRule><Condition><HttpErrorCodeReturnedEquals>200"
                + "</HttpErrorCodeReturnedEquals></Condition><Redirect><HostName>x.com</HostName></Redirect></RoutingRule>"
                + "</RoutingRules></WebsiteConfiguration>"), "InvalidArgument", "HTTP error code (200) is not valid");
        assertError(() -> s3.getBucketWebsite(b -> b.bucket(bucket)), 404, "NoSuchWebsiteConfiguration");
    }

    @Test
    void accelerateIsEmptyUntilSetAndRefusedForDottedNames() {
        String bucket = mocks3.newBucket("accelerate");
        assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(bucket)).status()).isNull();
        s3.putBucketAccelerateConfiguration(b -> b.bucket(bucket).accelerateConfiguration(a -> a.status(BucketAccelerateStatus.ENABLED)));
        assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(bucket)).status()).isEqualTo(BucketAccelerateStatus.ENABLED);
        s3.putBucketAccelerateConfiguration(b -> b.bucket(bucket).accelerateConfiguration(a -> a.status(BucketAccelerateStatus.SUSPENDED)));
        assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(bucket)).status()).isEqualTo(BucketAccelerateStatus.SUSPENDED);

        String dotted = MockS3Fixture.uniqueBucket("accel") + ".with.dots";
        s3.createBucket(b -> b.bucket(dotted));
        assertError(() -> s3.putBucketAccelerateConfiguration(b -> b.bucket(dotted)
                .accelerateConfiguration(a -> a.status(BucketAccelerateStatus.ENABLED))), 400, "InvalidRequest");
        assertRefused(raw.send("PUT", "/" + bucket + "?accelerate", "<AccelerateConfiguration><Status>Fast</Status>"
                + "</AccelerateConfiguration>"), "MalformedXML", "");
        assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket(bucket)).status()).isEqualTo(BucketAccelerateStatus.SUSPENDED);
    }

    @Test
    void requestPaymentIsBucketOwnerUntilSetToRequester() {
        String bucket = mocks3.newBucket("payer");
        assertThat(s3.getBucketRequestPayment(b -> b.bucket(bucket)).payer()).isEqualTo(Payer.BUCKET_OWNER);
        s3.putBucketRequestPayment(b -> b.bucket(bucket).requestPaymentConfiguration(r -> r.payer(Payer.REQUESTER)));
        assertThat(s3.getBucketRequestPayment(b -> b.bucket(bucket)).payer()).isEqualTo(Payer.REQUESTER);
        assertRefused(raw.send("PUT", "/" + bucket + "?requestPayment", "<RequestPaymentConfiguration><Payer>Nobody</Payer>"
                + "</RequestPaymentConfiguration>"), "MalformedXML", "");
    }

    @Test
    void loggingToAnOwnedBucketRoundTripsAndAnEmptyStatusTurnsItOff() {
        String bucket = mocks3.newBucket("logged");
        String target = mocks3.newBucket("logs");
        assertThat(s3.getBucketLogging(b -> b.bucket(bucket)).loggingEnabled()).isNull();

        s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket(target)
                .targetPrefix("access/").targetGrants(TargetGrant.builder().permission(BucketLogsPermission.READ)
                        .grantee(g -> g.type(Type.CANONICAL_USER).id("0123456789abcdef")).build()))));
        var enabled = s3.getBucketLogging(b -> b.bucket(bucket)).loggingEnabled();
        assertThat(enabled.targetBucket()).isEqualTo(target);
        assertThat(enabled.targetPrefix()).isEqualTo("access/");
        assertThat(enabled.targetGrants()).singleElement().satisfies(grant -> {
            assertThat(grant.permission()).isEqualTo(BucketLogsPermission.READ);
            assertThat(grant.grantee().type()).isEqualTo(Type.CANONICAL_USER);
            assertThat(grant.grantee().id()).isEqualTo("0123456789abcdef");
        });

        s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> { }));
        assertThat(s3.getBucketLogging(b -> b.bucket(bucket)).loggingEnabled()).isNull();
    }

    @Test
    void loggingToAMissingOrAnotherOwnersBucketIsInvalidTargetBucketForLogging() {
        String bucket = mocks3.newBucket("logged-bad");
        String missing = MockS3Fixture.uniqueBucket("no-logs");
        assertError(() -> s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l
                .targetBucket(missing).targetPrefix("")))), 400, "InvalidTargetBucketForLogging");

        S3Client other = mocks3.client(MockS3Fixture.OTHER_KEY, MockS3Fixture.OTHER_SECRET);
        String othersBucket = MockS3Fixture.uniqueBucket("others-logs");
        other.createBucket(b -> b.bucket(othersBucket));
        assertError(() -> s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l
                .targetBucket(othersBucket).targetPrefix("")))), 400, "InvalidTargetBucketForLogging");
        assertThat(s3.getBucketLogging(b -> b.bucket(bucket)).loggingEnabled()).isNull();
    }

    @Test
    void aRequesterPaysBucketOrOneWithDefaultRetentionCannotReceiveLogs() {
        String bucket = mocks3.newBucket("logged-to");
        String requesterPays = mocks3.newBucket("logs-payer");
        s3.putBucketRequestPayment(b -> b.bucket(requesterPays).requestPaymentConfiguration(r -> r.payer(Payer.REQUESTER)));
        assertError(() -> s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l
                .targetBucket(requesterPays).targetPrefix("log/")))), 400, "InvalidArgument");

        String retained = MockS3Fixture.uniqueBucket("logs-retained");
        s3.createBucket(b -> b.bucket(retained).objectLockEnabledForBucket(true));
        s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l
                .targetBucket(retained).targetPrefix("log/"))));
        s3.putObjectLockConfiguration(b -> b.bucket(retained).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d
                        .mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
        assertError(() -> s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l
                .targetBucket(retained).targetPrefix("other/")))), 400, "InvalidArgument");
        assertThat(s3.getBucketLogging(b -> b.bucket(bucket)).loggingEnabled().targetPrefix()).isEqualTo("log/");
    }

    @Test
    void replicationNeedsVersioningOnBothBucketsAndAnExistingDestinationAndKeepsVersioningOn() {
        String source = mocks3.newBucket("repl-src");
        String destination = mocks3.newBucket("repl-dst");
        assertError(() -> s3.getBucketReplication(b -> b.bucket(source)), 404, "ReplicationConfigurationNotFoundError");
        assertError(() -> putReplication(source, destination), 400, "InvalidRequest");

        enableVersioning(source);
        assertError(() -> putReplication(source, destination), 400, "InvalidRequest");
        assertError(() -> putReplication(source, MockS3Fixture.uniqueBucket("repl-none")), 400, "InvalidRequest");
        assertError(() -> s3.getBucketReplication(b -> b.bucket(source)), 404, "ReplicationConfigurationNotFoundError");

        enableVersioning(destination);
        putReplication(source, destination);
        var stored = s3.getBucketReplication(b -> b.bucket(source)).replicationConfiguration();
        assertThat(stored.role()).isEqualTo(ROLE);
        assertThat(stored.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("everything");
            assertThat(rule.status()).isEqualTo(ReplicationRuleStatus.ENABLED);
            assertThat(rule.priority()).isEqualTo(1);
            assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::" + destination);
            assertThat(rule.deleteMarkerReplication().status()).isEqualTo(DeleteMarkerReplicationStatus.DISABLED);
        });

        assertError(() -> s3.putBucketVersioning(b -> b.bucket(source)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED))), 409, "InvalidBucketState");

        s3.deleteBucketReplication(b -> b.bucket(source));
        assertError(() -> s3.getBucketReplication(b -> b.bucket(source)), 404, "ReplicationConfigurationNotFoundError");
        s3.putBucketVersioning(b -> b.bucket(source).versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        assertThat(s3.getBucketVersioning(b -> b.bucket(source)).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
    }

    @Test
    void deletingABucketRemovesItsSettings() {
        String bucket = mocks3.newBucket("settings-gone");
        s3.putBucketWebsite(b -> b.bucket(bucket).websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))));
        s3.putBucketLogging(b -> b.bucket(bucket).bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket(bucket)
                .targetPrefix("self/"))));
        s3.putBucketRequestPayment(b -> b.bucket(bucket).requestPaymentConfiguration(r -> r.payer(Payer.REQUESTER)));

        s3.deleteBucket(b -> b.bucket(bucket));
        s3.createBucket(b -> b.bucket(bucket));
        assertError(() -> s3.getBucketWebsite(b -> b.bucket(bucket)), 404, "NoSuchWebsiteConfiguration");
        assertThat(s3.getBucketRequestPayment(b -> b.bucket(bucket)).payer()).isEqualTo(Payer.BUCKET_OWNER);
        assertThat(s3.getBucketLogging(b -> b.bucket(bucket)).loggingEnabled()).isNull();
    }

    @Test
    void settingsOfAMissingBucketAreNoSuchBucket() {
        String missing = MockS3Fixture.uniqueBucket("settings-missing");
        assertError(() -> s3.getBucketWebsite(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> s3.getBucketAccelerateConfiguration(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> s3.getBucketRequestPayment(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> s3.getBucketLogging(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> s3.getBucketReplication(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> s3.deleteBucketWebsite(b -> b.bucket(missing)), 404, "NoSuchBucket");
    }

    private void putReplication(String source, String destination) {
        s3.putBucketReplication(b -> b.bucket(source).replicationConfiguration(r -> r.role(ROLE).rules(ReplicationRule.builder()
                .id("everything").priority(1).status(ReplicationRuleStatus.ENABLED).filter(f -> f.prefix(""))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.DISABLED))
                .destination(d -> d.bucket("arn:aws:s3:::" + destination)).build())));
    }

    private void enableVersioning(String bucket) {
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    private static void assertRefused(HttpResponse<String> response, String code, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).isEqualTo(code);
        assertThat(response.body()).contains(message);
    }
}
