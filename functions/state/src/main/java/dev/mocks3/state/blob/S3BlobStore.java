package dev.mocks3.state.blob;

import java.nio.file.Files;
import java.time.Instant;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.state.StorageProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Blobs as objects {@code <prefix><sha256>} in an upstream S3 bucket (the production blob bucket). */
public final class S3BlobStore implements BlobStore {
    private final S3AsyncClient s3;
    private final String bucket;
    private final String prefix;

    public S3BlobStore(StorageProperties.Upstream upstream) {
        this.s3 = S3Clients.async(upstream.region(), upstream.endpoint(), upstream.pathStyle(), upstream.accessKey(),
                upstream.secretKey());
        this.bucket = upstream.bucket();
        this.prefix = upstream.prefix();
    }

    @Override
    public Mono<Void> publish(StagedBlob staged) {
        Mono<Void> upload = Mono.fromFuture(() -> s3.putObject(b -> b.bucket(bucket).key(prefix + staged.sha256())
                .contentLength(staged.size()), AsyncRequestBody.fromFile(staged.file()))).then();
        return exists(staged.sha256())
                .flatMap(present -> present ? Mono.<Void>empty() : upload)
                .then(Mono.fromCallable(() -> Files.deleteIfExists(staged.file())).subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    @Override
    public Flux<DataBuffer> read(String sha256, long offset, long length) {
        if (length == 0) {
            return Flux.empty();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(bucket).key(prefix + sha256).range(range),
                        AsyncResponseTransformer.toPublisher()))
                .flatMapMany(Flux::from)
                .map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    /** Upstream reads are not pinned: the request is made when the stream is read. */
    @Override
    public Mono<Flux<DataBuffer>> open(String sha256, long offset, long length) {
        return Mono.just(read(sha256, offset, length).onErrorMap(NoSuchKeyException.class, e -> new MissingBlobException(sha256)));
    }

    @Override
    public Flux<String> listOlderThan(Instant cutoff) {
        return Flux.from(s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents())
                .filter(object -> object.lastModified().isBefore(cutoff))
                .map(object -> object.key().substring(prefix.length()))
                .filter(ComposedBlob::isBlobName);
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return Mono.fromFuture(() -> s3.deleteObject(b -> b.bucket(bucket).key(prefix + sha256))).then();
    }

    @Override
    public Mono<Void> probe() {
        return Mono.fromFuture(() -> s3.headBucket(b -> b.bucket(bucket))).then();
    }

    private Mono<Boolean> exists(String sha256) {
        return Mono.fromFuture(() -> s3.headObject(b -> b.bucket(bucket).key(prefix + sha256)))
                .map(head -> true)
                .onErrorResume(NoSuchKeyException.class, e -> Mono.just(false))
                .onErrorResume(software.amazon.awssdk.services.s3.model.S3Exception.class,
                        e -> e.statusCode() == 404 ? Mono.just(false) : Mono.error(e));
    }
}
