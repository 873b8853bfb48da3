package dev.mocks3.s3.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;

import dev.mocks3.core.error.S3Exception;

/** The Object Lock documents against fixtures written after the S3 API Reference, and the bodies S3 refuses. */
class LockDocumentsTest {

    @Test
    void aConfigurationReadsBackAsTheApiReferenceWritesIt() {
        byte[] body = fixture("GetObjectLockConfiguration");
        ObjectLockConfiguration configuration = ObjectLockConfiguration.parse(body);
        assertThat(configuration).isEqualTo(new ObjectLockConfiguration(RetentionMode.COMPLIANCE, null, 7));
        assertSameXml(body, configuration.xml().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void retentionAndLegalHoldRenderAsTheApiReferenceWritesThem() {
        ObjectLock lock = new ObjectLock(RetentionMode.GOVERNANCE, Instant.parse("2030-01-02T03:04:05.678Z"), true);
        assertSameXml(fixture("GetObjectRetention"), ObjectRetention.xml(lock));
        assertSameXml(fixture("GetObjectLegalHold"), LegalHold.xml(lock.legalHold()));
        assertThat(ObjectLock.of(lock.applyTo(java.util.Map.of()))).isEqualTo(lock);
    }

    @Test
    void configurationsS3RefusesAreRefusedWithItsCodes() {
        assertThat(refusal("")).isEqualTo("MissingRequestBodyError");
        assertThat(refusal("<ObjectLockConfiguration/>")).isEqualTo("MalformedXML");
        assertThat(refusal(rule("<Mode>GOVERNANCE</Mode><Days>1</Days><Years>1</Years>"))).isEqualTo("MalformedXML");
        assertThat(refusal(rule("<Mode>GOVERNANCE</Mode>"))).isEqualTo("MalformedXML");
        assertThat(refusal(rule("<Mode>Governance</Mode><Days>1</Days>"))).isEqualTo("MalformedXML");
        assertThat(refusal(rule("<Mode>GOVERNANCE</Mode><Days>0</Days>"))).isEqualTo("InvalidRetentionPeriod");
        assertThat(refusal(rule("<Mode>COMPLIANCE</Mode><Years>-1</Years>"))).isEqualTo("InvalidRetentionPeriod");
    }

    private static String rule(String retention) {
        return "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention>" + retention
                + "</DefaultRetention></Rule></ObjectLockConfiguration>";
    }

    private static String refusal(String body) {
        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> ObjectLockConfiguration.parse(body.getBytes(StandardCharsets.UTF_8)));
        return refused == null ? "accepted" : refused.error().code();
    }

    private static void assertSameXml(byte[] expected, byte[] actual) {
        var diff = DiffBuilder.compare(Input.fromByteArray(expected)).withTest(Input.fromByteArray(actual))
                .ignoreWhitespace().ignoreComments().checkForIdentical().build();
        assertThat(diff.hasDifferences()).as(new String(actual, StandardCharsets.UTF_8) + "\n" + diff).isFalse();
    }

    private static byte[] fixture(String operation) {
        try (InputStream in = LockDocumentsTest.class.getResourceAsStream("/fixtures/" + operation + ".xml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
