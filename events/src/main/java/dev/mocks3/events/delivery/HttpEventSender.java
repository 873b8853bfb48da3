package dev.mocks3.events.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;

import io.cloudevents.CloudEvent;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Posts each event to a sink URL in CloudEvents HTTP binary mode (attributes as {@code ce-*}
 * headers, data as the body): the Knative broker's address given as K_SINK.
 */
public final class HttpEventSender implements EventPublisher {

    private final URI sink;
    private final HttpClient client;
    private final Duration timeout;

    public HttpEventSender(URI sink, Duration timeout) {
        this.sink = sink;
        this.timeout = timeout;
        this.client = HttpClient.create();
    }

    public URI sink() {
        return sink;
    }

    @Override
    public Mono<Void> publish(CloudEvent event) {
        HttpHeaders ceHeaders = CloudEventHttpUtils.toHttp(event);
        byte[] body = event.getData() == null ? new byte[0] : event.getData().toBytes();
        return client
                .headers(h -> {
                    ceHeaders.forEach((name, values) -> h.set(name, values));
                    if (event.getDataContentType() != null) {
                        h.set(HttpHeaders.CONTENT_TYPE, event.getDataContentType());
                    }
                })
                .post()
                .uri(sink)
                .send(Mono.just(Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> {
                    int status = response.status().code();
                    if (status >= 200 && status < 300) {
                        return content.then();
                    }
                    return content.asString().defaultIfEmpty("")
                            .flatMap(text -> Mono.error(new IllegalStateException(
                                    "sink " + sink + " answered " + status + " to " + event.getType() + ": " + text)));
                })
                .timeout(timeout);
    }
}
