package dev.mocks3.s3.lifecycle;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.UriEncoding;
import dev.mocks3.core.lifecycle.LifecycleConfiguration;
import dev.mocks3.s3.cache.BucketDocumentCache;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.state.metadata.LifecycleStore;
import dev.mocks3.state.metadata.ObjectRecord;
import reactor.core.publisher.Mono;

/**
 * {@code x-amz-expiration: expiry-date="…", rule-id="…"}: what S3 tells a writer or reader of a
 * current object that an expiration rule of its bucket applies to (PutObject, CopyObject,
 * CompleteMultipartUpload, and GetObject and HeadObject without a versionId). Rules' days are lifecycle days
 * ({@code mocks3.lifecycle.day}), as the lifecycle jobs count them.
 */
@Component
public class ExpirationHeader {
    public static final String NAME = "x-amz-expiration";
    /** How long this instance answers from the rules it read last (another instance's change shows after it). */
    static final Duration TTL = Duration.ofSeconds(1);
    private final BucketDocumentCache<LifecycleConfiguration> rules;
    private final Duration day;

    public ExpirationHeader(LifecycleStore lifecycles, @Value("${mocks3.lifecycle.day:1d}") Duration day) {
        // the header is an announcement: a document that cannot be read or parsed announces nothing, never fails a request
        this.rules = new BucketDocumentCache<>(TTL, bucket -> lifecycles.find(bucket)
                .map(LifecycleConfiguration::parse).defaultIfEmpty(LifecycleConfiguration.NONE)
                .onErrorReturn(LifecycleConfiguration.NONE));
        this.day = day;
    }

    /**
     * The bucket's rules ({@link LifecycleConfiguration#NONE} when it has none), kept for {@link #TTL} so that
     * reads and writes do not query them each time.
     */
    public Mono<LifecycleConfiguration> rules(String bucket) {
        return rules.get(bucket).map(found -> found.orElse(LifecycleConfiguration.NONE));
    }

    /** Called when this instance changes the bucket's lifecycle configuration or deletes the bucket. */
    public void forget(String bucket) {
        rules.forget(bucket);
    }

    /** Sets the header on {@code out} when one of {@code rules} expires the (current) object; the rule id URL-encoded, as S3 sends it. */
    public void describe(LifecycleConfiguration rules, ObjectRecord object, HttpHeaders out) {
        rules.expiryOf(object.key(), object.size(), object.tags(), object.lastModified(), day)
                .ifPresent(expiry -> out.set(NAME, "expiry-date=\"" + HttpDates.format(expiry.date())
                        + "\", rule-id=\"" + UriEncoding.encode(expiry.ruleId(), false) + "\""));
    }

    /** Looks the bucket's rules up and sets the header for the object just written. */
    public Mono<HttpHeaders> describe(ObjectRecord object, HttpHeaders out) {
        return rules(object.bucket()).map(rules -> {
            describe(rules, object, out);
            return out;
        });
    }
}
