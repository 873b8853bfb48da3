package dev.mocks3.drive.storage;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.drive.DriveProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The drive's bucket, reached as any S3 client would (AWS SDK v2): by default a bucket of this
 * same MockS3, so its fault rules reach the drive too. Presigned URLs let clients move the bytes
 * themselves; the drive reads bytes only to verify a multipart upload and to stream small files and zips.
 */
public final class DriveBucket implements AutoCloseable {
    private final DriveProperties.S3 settings;
    private final Supplier<URI> endpoint;
    private volatile Clients clients;

    private record Clients(S3AsyncClient s3, S3Presigner presigner) {
    }

    /** @param endpoint the S3 endpoint, asked for on first use (the local S3 port is known only once it is bound) */
    public DriveBucket(DriveProperties.S3 settings, Supplier<URI> endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
    }

    public String name() {
        return settings.bucket();
    }

    private Clients clients() {
        Clients c = clients;
        if (c == null) {
            synchronized (this) {
                if (clients == null) {
                    clients = build();
                }
                c = clients;
            }
        }
        return c;
    }

    private Clients build() {
        URI target = endpoint.get();
        S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(settings.publicEndpoint() != null ? settings.publicEndpoint() : target)
                .region(Region.of(settings.region())).credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build())
                .build();
        return new Clients(s3Client(target), presigner);
    }

    private S3AsyncClient s3Client(URI target) {
        return S3AsyncClient.builder().endpointOverride(target).region(Region.of(settings.region()))
                .credentialsProvider(credentials()).forcePathStyle(settings.pathStyle())
                // checksums are the ones the drive asks for (SHA-256), not the SDK's default CRC32
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    /**
     * Creates the bucket unless it is there: one CreateBucket, "already yours" counting as done (no
     * HeadBucket first, so a fault rule on HeadBucket is not the drive's business). A client of its
     * own, closed afterwards: at start the drive holds no idle connection to an S3 port that may
     * count its connections.
     */
    public Mono<Void> create() {
        return Mono.using(() -> s3Client(endpoint.get()), s3 -> Mono.fromFuture(() -> s3.createBucket(b -> b.bucket(name())))
                .then()
                .onErrorResume(S3Exception.class, e -> "BucketAlreadyOwnedByYou".equals(e.awsErrorDetails().errorCode())
                        ? Mono.empty() : Mono.error(e)), S3AsyncClient::close);
    }

    /** A presigned PUT that S3 accepts only with this exact SHA-256 (the signed {@code x-amz-checksum-sha256}). */
    public PresignedRequest presignPut(String key, long size, String sha256Base64, Duration expiry) {
        var presigned = clients().presigner().presignPutObject(p -> p.signatureDuration(expiry)
                .putObjectRequest(r -> r.bucket(name()).key(key).contentLength(size).checksumSHA256(sha256Base64)));
        return PresignedRequest.of(presigned.httpRequest().method().name(), presigned.url().toString(),
                presigned.signedHeaders(), presigned.expiration());
    }

    public PresignedRequest presignPart(String key, String uploadId, int partNumber, long length, Duration expiry) {
        var presigned = clients().presigner().presignUploadPart(p -> p.signatureDuration(expiry)
                .uploadPartRequest(r -> r.bucket(name()).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(length)));
        return PresignedRequest.of(presigned.httpRequest().method().name(), presigned.url().toString(),
                presigned.signedHeaders(), presigned.expiration());
    }

    /** A presigned GET that downloads under {@code contentDisposition}; Range requests work on it as on any GET. */
    public PresignedRequest presignGet(String key, String contentDisposition, Duration expiry) {
        var presigned = clients().presigner().presignGetObject(p -> p.signatureDuration(expiry)
                .getObjectRequest(r -> r.bucket(name()).key(key).responseContentDisposition(contentDisposition)));
        return PresignedRequest.of(presigned.httpRequest().method().name(), presigned.url().toString(),
                presigned.signedHeaders(), presigned.expiration());
    }

    public Mono<String> createMultipart(String key) {
        return Mono.fromFuture(() -> clients().s3().createMultipartUpload(b -> b.bucket(name()).key(key)))
                .map(r -> r.uploadId());
    }

    /** The parts S3 holds for a multipart upload, in part-number order. */
    public Flux<Part> parts(String key, String uploadId) {
        return Flux.from(clients().s3().listPartsPaginator(b -> b.bucket(name()).key(key).uploadId(uploadId)).parts());
    }

    public Mono<Void> completeMultipart(String key, String uploadId, List<Part> parts) {
        List<CompletedPart> completed = new ArrayList<>();
        for (Part part : parts) {
            completed.add(CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build());
        }
        return Mono.fromFuture(() -> clients().s3().completeMultipartUpload(b -> b.bucket(name()).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)))).then();
    }

    public Mono<Void> abortMultipart(String key, String uploadId) {
        return Mono.fromFuture(() -> clients().s3().abortMultipartUpload(b -> b.bucket(name()).key(key).uploadId(uploadId)))
                .then();
    }

    /** The object's size and stored SHA-256 checksum (base64, null when S3 keeps none); empty when absent. */
    public Mono<HeadObjectResponse> head(String key) {
        return Mono.fromFuture(() -> clients().s3().headObject(b -> b.bucket(name()).key(key).checksumMode(ChecksumMode.ENABLED)))
                .onErrorResume(NoSuchKeyException.class, e -> Mono.empty())
                .onErrorResume(S3Exception.class, e -> e.statusCode() == 404 ? Mono.empty() : Mono.error(e));
    }

    /** The SHA-256 (hex) of the object's bytes, computed while they stream past; nothing is kept. */
    public Mono<String> sha256(String key) {
        return Mono.fromFuture(() -> clients().s3().getObject(b -> b.bucket(name()).key(key),
                        AsyncResponseTransformer.toPublisher()))
                .flatMap(publisher -> Flux.from(publisher).reduce(digest(), (md, buffer) -> {
                    md.update(buffer);
                    return md;
                }))
                .map(md -> HexFormat.of().formatHex(md.digest()));
    }

    /** The object's bytes as a stream (small files). */
    public Mono<Flux<DataBuffer>> read(String key) {
        return Mono.fromFuture(() -> clients().s3().getObject(b -> b.bucket(name()).key(key),
                        AsyncResponseTransformer.toPublisher()))
                .map((ResponsePublisher<GetObjectResponse> publisher) -> Flux.from(publisher)
                        .map((ByteBuffer b) -> DefaultDataBufferFactory.sharedInstance.wrap(b)));
    }

    /** The object's bytes as a blocking stream (written into a zip on a worker thread). */
    public ResponseInputStream<GetObjectResponse> openBlocking(String key) {
        return clients().s3().getObject(b -> b.bucket(name()).key(key), AsyncResponseTransformer.toBlockingInputStream()).join();
    }

    public Mono<Void> delete(String key) {
        return Mono.fromFuture(() -> clients().s3().deleteObject(b -> b.bucket(name()).key(key))).then();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Clients c = clients;
        if (c != null) {
            c.s3().close();
            c.presigner().close();
        }
    }
}
