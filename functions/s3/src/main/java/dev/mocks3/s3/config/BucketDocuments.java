package dev.mocks3.s3.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlCopy;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.access.AccessSnapshots;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** What the Put/Get/Delete operations of one bucket configuration document share. */
@Component
public class BucketDocuments {
    private final Lookups lookups;
    private final BucketConfigurationStore store;
    private final AccessSnapshots snapshots;

    public BucketDocuments(Lookups lookups, BucketConfigurationStore store, AccessSnapshots snapshots) {
        this.lookups = lookups;
        this.store = store;
        this.snapshots = snapshots;
    }

    /** The stored document as {@code answer} renders it, or {@code missing} (e.g. NoSuchCORSConfiguration). */
    public Mono<S3Response> get(S3Call call, BucketSetting setting, S3Error missing, Function<String, S3Response> answer) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(store.find(bucket, setting)).map(answer)
                .switchIfEmpty(Mono.error(() -> missing.at("/" + bucket).with("BucketName", bucket)));
    }

    /** The stored document as {@code answer} renders it, or as it renders none (S3's default answer). */
    public Mono<S3Response> getOrDefault(S3Call call, BucketSetting setting, Function<Optional<String>, S3Response> answer) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(store.find(bucket, setting)).map(Optional::of)
                .defaultIfEmpty(Optional.empty()).map(answer);
    }

    /** A stored content ({@link XmlCopy#content}) answered inside an S3-namespaced {@code root}. */
    public static S3Response wrapped(String root, String content) {
        return Responses.xml(XmlWriter.document(root).raw(content).finishBytes(root));
    }

    /** The stored XML document as it is. */
    public Mono<S3Response> getXml(S3Call call, BucketSetting setting, S3Error missing) {
        return get(call, setting, missing, document -> Responses.xml(document.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads the body, turns it into the document to keep ({@code check} refuses what S3 refuses), stores it. */
    public Mono<S3Response> put(S3Call call, BucketSetting setting, int status, Function<byte[], String> check) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .then(SmallBody.read(call.request().body()))
                .map(check)
                .flatMap(document -> store(bucket, setting, document))
                .thenReturn(Responses.empty(status));
    }

    /** Stores a checked document; NoSuchBucket when the bucket went away meanwhile. */
    public Mono<Void> store(String bucket, BucketSetting setting, String document) {
        return store.put(bucket, setting, document).doOnNext(stored -> snapshots.forget(bucket))
                .flatMap(stored -> stored ? Mono.<Void>empty()
                        : Mono.error(S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket)));
    }

    /** 204 whether or not the bucket had the document, as S3 answers. */
    public Mono<S3Response> delete(S3Call call, BucketSetting setting) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(remove(bucket, setting)).thenReturn(Responses.empty(204));
    }

    /** Removes the bucket's document of that kind, if any. */
    public Mono<Void> remove(String bucket, BucketSetting setting) {
        return store.delete(bucket, setting).doOnSuccess(done -> snapshots.forget(bucket));
    }
}
