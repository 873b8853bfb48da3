package dev.mocks3.s3.versioning;

import java.util.EnumSet;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.Versioning;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?versioning — Status Enabled or Suspended. Once enabled, a bucket never returns to
 * unversioned, as in S3, and a bucket with Object Lock or replication rules is never suspended; a
 * document without Status changes nothing.
 */
@Component("putBucketVersioning")
public class PutBucketVersioning extends OperationFunction {
    private final Lookups lookups;
    private final BucketStore buckets;
    private final BucketConfigurationStore configurations;

    public PutBucketVersioning(Lookups lookups, BucketStore buckets, BucketConfigurationStore configurations) {
        this.lookups = lookups;
        this.buckets = buckets;
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .then(SmallBody.read(call.request().body()))
                .flatMap(body -> {
                    Versioning wanted = parse(body);
                    return wanted == null ? Mono.just(true) : configurationsAllow(bucket, wanted).then(buckets.setVersioning(bucket, wanted));
                })
                .map(stored -> {
                    if (!stored) {
                        throw S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket);
                    }
                    return Responses.empty(200);
                });
    }

    /**
     * A bucket with Object Lock or a replication configuration keeps versioning Enabled: suspending it
     * is 409 InvalidBucketState, as on S3.
     */
    private Mono<Void> configurationsAllow(String bucket, Versioning wanted) {
        if (wanted != Versioning.SUSPENDED) {
            return Mono.empty();
        }
        return configurations.findAll(bucket, EnumSet.of(BucketSetting.OBJECT_LOCK, BucketSetting.REPLICATION))
                .flatMap(found -> {
                    String present = found.containsKey(BucketSetting.OBJECT_LOCK) ? "An Object Lock"
                            : found.containsKey(BucketSetting.REPLICATION) ? "A replication" : null;
                    return present == null ? Mono.<Void>empty() : Mono.error(S3Error.INVALID_BUCKET_STATE.exception(
                            present + " configuration is present on this bucket, so the versioning state cannot be changed."));
                });
    }

    /** The state asked for, or null when the document names none. */
    static Versioning parse(byte[] body) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!"VersioningConfiguration".equals(doc.rootName())) {
            throw S3Error.MALFORMED_XML.exception();
        }
        String status = XmlDocument.childText(doc.root(), "Status");
        if (status == null) {
            return null;
        }
        return switch (status.trim()) {
            case "Enabled" -> Versioning.ENABLED;
            case "Suspended" -> Versioning.SUSPENDED;
            default -> throw S3Error.MALFORMED_XML.exception();
        };
    }
}
