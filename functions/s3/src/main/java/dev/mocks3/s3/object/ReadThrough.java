package dev.mocks3.s3.object;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.events.job.FetchUpstream;
import dev.mocks3.events.job.Job;
import dev.mocks3.events.job.JobEvents;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.state.upstream.UpstreamObject;
import dev.mocks3.state.upstream.UpstreamReader;
import dev.mocks3.state.upstream.UpstreamStore;
import reactor.core.publisher.Mono;

/**
 * GET or HEAD of a key the bucket does not hold, when the bucket has an upstream (the seed's
 * third-party service): the upstream's answer is streamed to the client, marked
 * {@code x-mocks3-source: upstream}, and once a whole object was sent the {@code fetchUpstream}
 * job is asked to store it in the bucket, so the next read is local. An answer a fault replaced or
 * cut asks for nothing. Conditional headers are not applied to upstream answers.
 */
@Component
public class ReadThrough {
    private static final Logger log = LoggerFactory.getLogger(ReadThrough.class);
    private final UpstreamStore upstreams;
    private final UpstreamReader reader;
    private final JobEvents jobs;

    public ReadThrough(UpstreamStore upstreams, UpstreamReader reader, JobEvents jobs) {
        this.upstreams = upstreams;
        this.reader = reader;
        this.jobs = jobs;
    }

    /** The upstream's answer, or {@code missing} when the bucket has no upstream or the upstream lacks the key too. */
    public Mono<S3Response> read(S3Call call, boolean withBody, S3Exception missing) {
        S3Request request = call.request();
        String range = request.header(HttpHeaders.RANGE);
        return upstreams.find(request.bucket())
                .flatMap(upstream -> withBody ? reader.get(upstream, request.key(), range) : reader.head(upstream, request.key()))
                .map(object -> answer(request, object, range == null))
                .switchIfEmpty(Mono.error(missing));
    }

    private S3Response answer(S3Request request, UpstreamObject object, boolean whole) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, object.contentType() == null ? "application/octet-stream" : object.contentType());
        if (object.contentLength() >= 0) {
            headers.setContentLength(object.contentLength());
        }
        if (object.etag() != null) {
            headers.set(HttpHeaders.ETAG, "\"" + object.etag() + "\"");
        }
        if (object.lastModified() != null) {
            headers.set(HttpHeaders.LAST_MODIFIED, HttpDates.format(object.lastModified()));
        }
        if (object.contentRange() != null) {
            headers.set(HttpHeaders.CONTENT_RANGE, object.contentRange());
        }
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        object.userMetadata().forEach((name, value) -> headers.set(ObjectHeaders.META_PREFIX + name, value));
        headers.set(S3Response.SOURCE_HEADER, S3Response.FROM_UPSTREAM);
        var body = object.body();
        if (whole) {
            body = body.doOnComplete(() -> store(request.bucket(), request.key()));
        }
        return new S3Response(object.contentRange() == null ? 200 : 206, headers, body);
    }

    private void store(String bucket, String key) {
        jobs.request(Job.FETCH_UPSTREAM, bucket + "/" + key, new FetchUpstream(bucket, key))
                .subscribe(null, e -> log.warn("could not ask to store {}/{} from its upstream: {}", bucket, key, e.toString()));
    }
}
