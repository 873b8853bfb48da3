package dev.mocks3.events.object;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.object.created}, {@code dev.mocks3.object.removed} and
 * {@code dev.mocks3.object.changed}: the S3 event
 * message shape (event structure version 2.1) with one record, so consumers written for S3
 * notifications read it as they are. Field names are AWS's (camelCase), not our snake_case.
 */
public record S3EventNotification(@JsonProperty("Records") List<Record> records) {

    public S3EventNotification {
        records = List.copyOf(records);
    }

    /**
     * @param eventName        without the {@code s3:} prefix, e.g. {@code ObjectCreated:Put}
     * @param eventTime        ISO-8601 with milliseconds, UTC
     * @param glacierEventData only on {@code ObjectRestore:Completed}: when the restored copy expires
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Record(@JsonProperty("eventVersion") String eventVersion,
                         @JsonProperty("eventSource") String eventSource,
                         @JsonProperty("awsRegion") String awsRegion,
                         @JsonProperty("eventTime") String eventTime,
                         @JsonProperty("eventName") String eventName,
                         @JsonProperty("userIdentity") Identity userIdentity,
                         @JsonProperty("requestParameters") Map<String, String> requestParameters,
                         @JsonProperty("responseElements") Map<String, String> responseElements,
                         @JsonProperty("s3") S3Entity s3,
                         @JsonProperty("glacierEventData") GlacierEventData glacierEventData) {
    }

    /** What S3 adds to an {@code ObjectRestore:Completed} record. */
    public record GlacierEventData(@JsonProperty("restoreEventData") RestoreEventData restoreEventData) {
    }

    /**
     * @param lifecycleRestorationExpiryTime when the restored copy goes (ISO-8601 with milliseconds, UTC)
     * @param lifecycleRestoreStorageClass   the archived object's storage class
     */
    public record RestoreEventData(@JsonProperty("lifecycleRestorationExpiryTime") String lifecycleRestorationExpiryTime,
                                   @JsonProperty("lifecycleRestoreStorageClass") String lifecycleRestoreStorageClass) {
    }

    public record Identity(@JsonProperty("principalId") String principalId) {
    }

    public record S3Entity(@JsonProperty("s3SchemaVersion") String s3SchemaVersion,
                           @JsonProperty("configurationId") String configurationId,
                           @JsonProperty("bucket") Bucket bucket,
                           @JsonProperty("object") S3Object object) {
    }

    public record Bucket(@JsonProperty("name") String name, @JsonProperty("ownerIdentity") Identity ownerIdentity,
                         @JsonProperty("arn") String arn) {
    }

    /**
     * @param key       URL-encoded, as S3 sends it (spaces as {@code +})
     * @param size      absent for removals
     * @param eTag      unquoted; absent for removals
     * @param sequencer hexadecimal; for one key, a later change has a greater value (compare as
     *                  strings of equal length)
     * @param versionId the version written or removed, or the delete marker added; absent in an
     *                  unversioned bucket
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record S3Object(@JsonProperty("key") String key, @JsonProperty("size") Long size,
                           @JsonProperty("eTag") String eTag, @JsonProperty("versionId") String versionId,
                           @JsonProperty("sequencer") String sequencer) {

        public S3Object(String key, Long size, String eTag, String sequencer) {
            this(key, size, eTag, null, sequencer);
        }
    }
}
