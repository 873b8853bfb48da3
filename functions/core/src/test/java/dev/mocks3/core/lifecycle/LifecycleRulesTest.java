package dev.mocks3.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a parsed rule applies to, and when an object or upload under it is due. */
class LifecycleRulesTest {
    private static final Duration DAY = Duration.ofSeconds(2);

    @Test
    void andCombinesPrefixTagsAndSizes() {
        LifecycleRule rule = only("<Filter><And><Prefix>logs/</Prefix><Tag><Key>class</Key><Value>tmp</Value></Tag>"
                + "<ObjectSizeGreaterThan>10</ObjectSizeGreaterThan><ObjectSizeLessThan>100</ObjectSizeLessThan></And></Filter>"
                + "<Expiration><Days>3</Days></Expiration>");
        LifecycleFilter filter = rule.filter();
        Map<String, String> tagged = Map.of("class", "tmp");

        assertThat(filter.matches("logs/a", 50, tagged)).isTrue();
        assertThat(filter.matches("logs/a", 50, Map.of())).as("untagged").isFalse();
        assertThat(filter.matches("logs/a", 10, tagged)).as("not larger than 10").isFalse();
        assertThat(filter.matches("logs/a", 100, tagged)).as("not smaller than 100").isFalse();
        assertThat(filter.matches("data/a", 50, tagged)).as("other prefix").isFalse();
    }

    @Test
    void daysCountInLifecycleDaysAndDatesFromTheirInstant() {
        Instant now = Instant.parse("2030-06-01T12:00:00Z");
        LifecycleRule days = only("<Filter/><Expiration><Days>3</Days></Expiration>"
                + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload>");
        assertThat(days.expiredIfModifiedBy(now, DAY)).isEqualTo(now.minusSeconds(6));
        assertThat(days.abortIfInitiatedBy(now, DAY)).isEqualTo(now.minusSeconds(2));

        LifecycleRule date = only("<Filter/><Expiration><Date>2030-07-01T00:00:00Z</Date></Expiration>");
        assertThat(date.expiredIfModifiedBy(now, DAY)).as("a date still ahead").isNull();
        Instant after = Instant.parse("2030-07-01T00:00:01Z");
        assertThat(date.expiredIfModifiedBy(after, DAY)).as("from the date on, everything").isEqualTo(after);
        assertThat(date.abortsUploads()).isFalse();
    }

    @Test
    void aDisabledRuleDoesNothingAndALegacyPrefixFilters() {
        LifecycleConfiguration parsed = LifecycleConfiguration.parse(("<LifecycleConfiguration><Rule><ID>off</ID>"
                + "<Prefix>tmp/ </Prefix><Status>Disabled</Status><Expiration><Days>1</Days></Expiration></Rule>"
                + "</LifecycleConfiguration>").getBytes(StandardCharsets.UTF_8));
        LifecycleRule rule = parsed.rules().get(0);
        assertThat(rule.expiresObjects()).isFalse();
        assertThat(rule.filter().prefix()).as("taken as written").isEqualTo("tmp/ ");
    }

    @Test
    void transitionsOnlyMoveObjectsToColderClassesAndNoncurrentActionsKeepTheNewest() {
        LifecycleRule rule = only("<Filter/><Transition><Days>0</Days><StorageClass>GLACIER</StorageClass></Transition>"
                + "<NoncurrentVersionTransition><NoncurrentDays>2</NoncurrentDays><StorageClass>DEEP_ARCHIVE</StorageClass>"
                + "<NewerNoncurrentVersions>3</NewerNoncurrentVersions></NoncurrentVersionTransition>"
                + "<NoncurrentVersionExpiration><NoncurrentDays>4</NoncurrentDays></NoncurrentVersionExpiration>");
        Transition glacier = rule.transitions().get(0);
        assertThat(glacier.moves("STANDARD")).isTrue();
        assertThat(glacier.moves("STANDARD_IA")).isTrue();
        assertThat(glacier.moves("GLACIER")).as("already there").isFalse();
        assertThat(glacier.moves("DEEP_ARCHIVE")).as("never back to a warmer class").isFalse();
        Instant now = Instant.parse("2030-06-01T12:00:00Z");
        assertThat(glacier.dueIfBy(now, DAY)).as("Days 0: every object").isEqualTo(now);
        Transition deep = rule.noncurrentTransitions().get(0);
        assertThat(deep.dueIfBy(now, DAY)).isEqualTo(now.minusSeconds(4));
        assertThat(deep.kept()).isEqualTo(3);
        assertThat(rule.noncurrentExpiration().kept()).as("no NewerNoncurrentVersions keeps none").isZero();
        assertThat(rule.noncurrentExpiration().dueIfNoncurrentSince(now, DAY)).isEqualTo(now.minusSeconds(8));
    }

    private static LifecycleRule only(String body) {
        String xml = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ID>r</ID>" + body
                + "<Status>Enabled</Status></Rule></LifecycleConfiguration>";
        return LifecycleConfiguration.parse(xml.getBytes(StandardCharsets.UTF_8)).rules().get(0);
    }
}
