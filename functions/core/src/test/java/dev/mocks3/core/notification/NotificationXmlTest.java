package dev.mocks3.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.error.S3Exception;

class NotificationXmlTest {

    private static NotificationConfiguration parse(String inner) {
        return NotificationXml.parse(("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + inner + "</NotificationConfiguration>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEachKindWithItsArnEventsAndKeyFilter() {
        NotificationConfiguration config = parse("""
                <TopicConfiguration><Id>t</Id><Topic>arn:aws:sns:us-east-1:1:alerts</Topic>
                  <Event>s3:ObjectRemoved:*</Event></TopicConfiguration>
                <QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:1:webhook</Queue>
                  <Event>s3:ObjectCreated:*</Event>
                  <Filter><S3Key><FilterRule><Name>Prefix</Name><Value>photos/</Value></FilterRule>
                    <FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule></S3Key></Filter></QueueConfiguration>""");

        assertThat(config.rules()).extracting(NotificationRule::id, NotificationRule::kind, NotificationRule::destination)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q", NotificationRule.Kind.QUEUE, "webhook"),
                        org.assertj.core.groups.Tuple.tuple("t", NotificationRule.Kind.TOPIC, "alerts"));
        NotificationRule queue = config.rules().get(0);
        assertThat(queue.prefix()).isEqualTo("photos/");
        assertThat(queue.suffix()).isEqualTo(".jpg");
    }

    @Test
    void matchesByEventNameWildcardPrefixAndSuffix() {
        NotificationConfiguration config = parse("""
                <QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:1:webhook</Queue>
                  <Event>s3:ObjectCreated:*</Event><Event>s3:ObjectRemoved:Delete</Event>
                  <Filter><S3Key><FilterRule><Name>prefix</Name><Value>photos/</Value></FilterRule>
                    <FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule></S3Key></Filter></QueueConfiguration>""");

        assertThat(config.matching("s3:ObjectCreated:Put", "photos/a.jpg")).hasSize(1);
        assertThat(config.matching("s3:ObjectCreated:CompleteMultipartUpload", "photos/b.jpg")).hasSize(1);
        assertThat(config.matching("s3:ObjectRemoved:Delete", "photos/a.jpg")).hasSize(1);
        assertThat(config.matching("s3:ObjectRemoved:DeleteMarkerCreated", "photos/a.jpg")).isEmpty();
        assertThat(config.matching("s3:ObjectCreated:Put", "photos/a.png")).isEmpty();
        assertThat(config.matching("s3:ObjectCreated:Put", "docs/a.jpg")).isEmpty();
    }

    @Test
    void writesBackWhatItRead() {
        NotificationConfiguration config = parse("""
                <CloudFunctionConfiguration><Id>f</Id><CloudFunction>arn:aws:lambda:us-east-1:1:function:thumbs</CloudFunction>
                  <Event>s3:ObjectCreated:Put</Event>
                  <Filter><S3Key><FilterRule><Name>suffix</Name><Value>.png</Value></FilterRule></S3Key></Filter>
                </CloudFunctionConfiguration>""");

        assertThat(NotificationXml.parse(NotificationXml.render(config))).isEqualTo(config);
        assertThat(new String(NotificationXml.render(config), StandardCharsets.UTF_8))
                .contains("<CloudFunction>arn:aws:lambda:us-east-1:1:function:thumbs</CloudFunction>")
                .contains("<FilterRule><Name>suffix</Name><Value>.png</Value></FilterRule>");
    }

    @Test
    void aConfigurationWithoutIdGetsOne() {
        NotificationConfiguration config = parse("<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:1:q</Queue>"
                + "<Event>s3:ObjectCreated:*</Event></QueueConfiguration>");

        assertThat(config.rules().get(0).id()).isNotBlank();
    }

    @Test
    void refusesWhatS3Refuses() {
        assertThatThrownBy(() -> parse("<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:1:q</Queue>"
                + "<Event>s3:ObjectCreated:Typo</Event></QueueConfiguration>"))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).isEqualTo("The event is not supported for notifications");
                });
        assertThatThrownBy(() -> parse("<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:1:q</Queue><Event>s3:ObjectCreated:*</Event>"
                + "<Filter><S3Key><FilterRule><Name>prefix</Name><Value>a</Value></FilterRule>"
                + "<FilterRule><Name>prefix</Name><Value>b</Value></FilterRule></S3Key></Filter></QueueConfiguration>"))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> parse("<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:1:q</Queue><Event>s3:ObjectCreated:*</Event>"
                + "<Filter><S3Key><FilterRule><Name>middle</Name><Value>a</Value></FilterRule></S3Key></Filter></QueueConfiguration>"))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.getMessage()).isEqualTo("filter rule name must be either prefix or suffix"));
        assertThatThrownBy(() -> parse("<QueueConfiguration><Queue>arn:aws:sqs:us-east-1:1:q</Queue></QueueConfiguration>"))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
    }
}
