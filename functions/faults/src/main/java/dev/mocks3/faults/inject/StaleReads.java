package dev.mocks3.faults.inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.RenderedListing;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stale_read action, as an eventually consistent store behaves: before a write of a key runs,
 * the key's current state is read (from the stores, as getObject would answer) and, once the write
 * succeeded, kept for the rule's window; during it, GET and HEAD of the key answer that state and
 * listings of the bucket show it.
 */
public final class StaleReads {
    static final Set<S3Operation> WRITES = S3Operation.with(S3Operation.Trait.WRITES_OBJECT);
    static final Set<S3Operation> READS = S3Operation.with(S3Operation.Trait.READS_OBJECT);
    static final Set<S3Operation> LISTS = S3Operation.with(S3Operation.Trait.LISTS_OBJECTS);
    private static final List<String> KEPT_HEADERS = List.of("ETag", "Content-Length", "Content-Type",
            "Last-Modified", "Cache-Control", "Content-Encoding", "Content-Disposition");

    private final StaleSnapshots snapshots;
    private final Supplier<Function<Mono<S3Call>, Mono<S3Call>>> getObject;
    private final int bodyLimit;

    /** @param getObject reads the key's current state as a GET answer (StoredObjectReads), asked when first needed */
    public StaleReads(StaleSnapshots snapshots, Supplier<Function<Mono<S3Call>, Mono<S3Call>>> getObject, int bodyLimit) {
        this.snapshots = snapshots;
        this.getObject = getObject;
        this.bodyLimit = bodyLimit;
    }

    public StaleSnapshots snapshots() {
        return snapshots;
    }

    /** The key's state before the write; empty when it cannot be read (then nothing goes stale). */
    public Mono<StaleSnapshot> capture(S3Call write, String ruleId) {
        Function<Mono<S3Call>, Mono<S3Call>> get = getObject.get();
        S3Request w = write.request();
        if (get == null || w.bucket() == null || w.key() == null) {
            return Mono.empty();
        }
        S3Request read = new S3Request(w.requestId() + "-stale", "GET", w.host(), w.rawPath(), null, w.bucket(),
                w.key(), new LinkedMultiValueMap<>(), new HttpHeaders(), Flux.empty(), w.remoteAddress(), Instant.now());
        return get.apply(Mono.just(S3Call.of(read, S3Operation.GET_OBJECT).withAccessKey(write.accessKey())))
                .flatMap(call -> {
                    S3Response r = call.response();
                    if (r == null || r.status() != 200) {
                        return Mono.empty();
                    }
                    Map<String, String> headers = new HashMap<>();
                    KEPT_HEADERS.forEach(h -> {
                        if (r.headers().getFirst(h) != null) {
                            headers.put(h, r.headers().getFirst(h));
                        }
                    });
                    r.headers().forEach((name, values) -> {
                        if (name.toLowerCase().startsWith("x-amz-meta-") && !values.isEmpty()) {
                            headers.put(name, values.get(0));
                        }
                    });
                    return DataBufferUtils.join(r.body(), bodyLimit)
                            .map(buffer -> {
                                byte[] bytes = new byte[buffer.readableByteCount()];
                                buffer.read(bytes);
                                DataBufferUtils.release(buffer);
                                return new StaleSnapshot(ruleId, true, headers, bytes);
                            })
                            .defaultIfEmpty(new StaleSnapshot(ruleId, true, headers, new byte[0]))
                            .onErrorResume(DataBufferLimitException.class,
                                    e -> Mono.just(new StaleSnapshot(ruleId, true, headers, null)));
                })
                .onErrorResume(S3Exception.class, e -> "NoSuchKey".equals(e.code())
                        ? Mono.just(StaleSnapshot.absent(ruleId)) : Mono.empty());
    }

    /** GET or HEAD answered from a snapshot. */
    public Mono<S3Call> serve(S3Call call, StaleSnapshot snapshot) {
        if (!snapshot.exists()) {
            return Mono.error(new S3Exception(S3Error.NO_SUCH_KEY, S3Error.NO_SUCH_KEY.defaultMessage(),
                    call.request().resource()).with("Key", call.request().key()));
        }
        if (snapshot.body() == null) {
            return Mono.just(call);
        }
        HttpHeaders headers = new HttpHeaders();
        snapshot.headers().forEach(headers::set);
        copy(call.response().headers(), headers, "x-amz-request-id", "x-amz-id-2", "Date", "Server");
        Flux<DataBuffer> body = call.operation() == S3Operation.HEAD_OBJECT ? Flux.empty()
                : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(snapshot.body()));
        return Mono.just(call.withResponse(new S3Response(200, headers, body)));
    }

    /**
     * A listing with the stale keys shown as they were: new keys hidden, changed keys as before, deleted
     * keys back. The page the list operation kept on the call is changed and rendered again.
     */
    public S3Call rewriteListing(S3Call call, Map<String, StaleSnapshot> stale) {
        S3Response r = call.response();
        RenderedListing rendered = call.attribute(RenderedListing.ATTRIBUTE);
        if (r == null || r.status() != 200 || stale.isEmpty() || rendered == null) {
            return call;
        }
        String prefix = call.request().queryParam("prefix");
        Listing page = StaleListing.apply(rendered.listing(), stale, prefix == null ? "" : prefix,
                call.request().queryParam("delimiter"));
        byte[] bytes = rendered.render(page);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(r.headers());
        headers.setContentLength(bytes.length);
        return call.withResponse(new S3Response(r.status(), headers, Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))))
                .withAttribute(RenderedListing.ATTRIBUTE, new RenderedListing(page, rendered.renderer()));
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String... names) {
        for (String n : names) {
            if (from.getFirst(n) != null) {
                to.set(n, from.getFirst(n));
            }
        }
    }
}
