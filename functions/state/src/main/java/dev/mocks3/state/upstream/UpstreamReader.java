package dev.mocks3.state.upstream;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.adapter.JdkFlowAdapter;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import dev.mocks3.state.blob.S3Clients;

/**
 * Reads one key from a bucket's upstream: S3 through the AWS SDK v2 (one client per upstream,
 * kept), or plain HTTP GET/HEAD. Empty when the upstream does not have it (404); any other failure
 * is an error. The body streams as the upstream sends it.
 */
public final class UpstreamReader implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Map<Upstream, S3AsyncClient> s3Clients = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** GET of the key, of one range of it when {@code range} (a Range header value) is set. */
    public Mono<UpstreamObject> get(Upstream upstream, String key, String range) {
        return Upstream.S3.equals(upstream.type()) ? s3Get(upstream, key, range) : httpRequest(upstream, key, range, true);
    }

    /** HEAD of the key: its metadata, no body. */
    public Mono<UpstreamObject> head(Upstream upstream, String key) {
        return Upstream.S3.equals(upstream.type()) ? s3Head(upstream, key) : httpRequest(upstream, key, null, false);
    }

    private Mono<UpstreamObject> s3Get(Upstream upstream, String key, String range) {
        S3AsyncClient s3 = client(upstream);
        return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(upstream.bucket()).key(upstream.prefix() + key).range(range),
                        AsyncResponseTransformer.toPublisher()))
                .map(answer -> {
                    GetObjectResponse r = answer.response();
                    Flux<DataBuffer> body = Flux.from(answer).map(DefaultDataBufferFactory.sharedInstance::wrap);
                    return new UpstreamObject(r.contentLength(), r.contentType(), unquoted(r.eTag()), r.lastModified(),
                            r.metadata(), r.contentRange(), body);
                })
                .onErrorResume(UpstreamReader::notFound, e -> Mono.empty());
    }

    private Mono<UpstreamObject> s3Head(Upstream upstream, String key) {
        S3AsyncClient s3 = client(upstream);
        return Mono.fromFuture(() -> s3.headObject(b -> b.bucket(upstream.bucket()).key(upstream.prefix() + key)))
                .map((HeadObjectResponse r) -> new UpstreamObject(r.contentLength(), r.contentType(), unquoted(r.eTag()),
                        r.lastModified(), r.metadata(), null, Flux.empty()))
                .onErrorResume(UpstreamReader::notFound, e -> Mono.empty());
    }

    private Mono<UpstreamObject> httpRequest(Upstream upstream, String key, String range, boolean withBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(upstream, key)).timeout(TIMEOUT)
                .method(withBody ? "GET" : "HEAD", HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            request.header("Range", range);
        }
        return Mono.fromFuture(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher()))
                .flatMap(response -> {
                    Flux<DataBuffer> body = JdkFlowAdapter.flowPublisherToFlux((Flow.Publisher<List<ByteBuffer>>) response.body())
                            .concatMapIterable(buffers -> buffers).map(DefaultDataBufferFactory.sharedInstance::wrap);
                    int status = response.statusCode();
                    if (status == 404) {
                        return body.then(Mono.empty());
                    }
                    if (status != 200 && status != 206) {
                        return body.then(Mono.error(new IllegalStateException("upstream " + upstream.endpoint() + " answered "
                                + status + " for " + key)));
                    }
                    var headers = response.headers();
                    Map<String, String> meta = new TreeMap<>();
                    headers.map().forEach((name, values) -> {
                        String lower = name.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("x-amz-meta-") && !values.isEmpty()) {
                            meta.put(lower.substring("x-amz-meta-".length()), values.get(0));
                        }
                    });
                    return Mono.just(new UpstreamObject(headers.firstValueAsLong("Content-Length").orElse(-1),
                            headers.firstValue("Content-Type").orElse(null), unquoted(headers.firstValue("ETag").orElse(null)),
                            headers.firstValue("Last-Modified").map(UpstreamReader::httpDate).orElse(null), meta,
                            headers.firstValue("Content-Range").orElse(null), withBody ? body : body.thenMany(Flux.empty())));
                });
    }

    /** {@code <endpoint>/<prefix><key>}, the key's segments percent-encoded and its slashes kept. */
    static URI url(Upstream upstream, String key) {
        String base = upstream.endpoint().endsWith("/") ? upstream.endpoint() : upstream.endpoint() + "/";
        return URI.create(base + Arrays.stream((upstream.prefix() + key).split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/")));
    }

    private S3AsyncClient client(Upstream upstream) {
        return s3Clients.computeIfAbsent(upstream, u -> S3Clients.async(u.region(), u.endpoint(), u.pathStyle(),
                u.accessKey(), u.secretKey()));
    }

    private static boolean notFound(Throwable error) {
        Throwable e = Exceptions.unwrap(error);
        while (e.getCause() != null && !(e instanceof S3Exception)) {
            e = e.getCause();
        }
        return e instanceof NoSuchKeyException || (e instanceof S3Exception s3 && s3.statusCode() == 404);
    }

    private static String unquoted(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        s3Clients.values().forEach(S3AsyncClient::close);
        s3Clients.clear();
    }
}
