package dev.mocks3.loadtests.floor;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A server in this JVM answering every GET with the same 4 KiB body from memory, driven by wrk in
 * its own process (so the load generator's CPU is not this JVM's): either Reactor Netty's
 * {@link HttpServer} alone, or WebFlux on it (one {@code RouterFunction}, the functional endpoint's
 * whole chain: {@code HttpWebHandlerAdapter}, exchange, codecs), without Spring Boot.
 */
final class HttpFloor implements FloorLoad {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final int BODY_SIZE = 4096;

    private final DisposableServer server;
    private final String wrk;
    private final int connections;

    private HttpFloor(DisposableServer server, String wrk, int connections) {
        this.server = server;
        this.wrk = wrk;
        this.connections = connections;
    }

    static HttpFloor bare(FloorOptions options) {
        byte[] body = body();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(options.port())
                .handle((request, response) -> response
                        .header("Content-Type", "application/octet-stream")
                        .header("Content-Length", Integer.toString(BODY_SIZE))
                        .sendObject(Unpooled.wrappedBuffer(body)))
                .bindNow();
        return new HttpFloor(server, options.wrk(), options.concurrency());
    }

    static HttpFloor webflux(FloorOptions options) {
        byte[] body = body();
        var route = RouterFunctions.route(RequestPredicates.GET("/**"),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .contentLength(BODY_SIZE).bodyValue(body));
        var adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(route));
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(options.port()).handle(adapter).bindNow();
        return new HttpFloor(server, options.wrk(), options.concurrency());
    }

    @Override
    public long round(Duration length) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wrk, "-t2", "-c" + connections, "-d" + length.toSeconds() + "s",
                "http://127.0.0.1:" + server.port() + "/bench/k1").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return requests(out);
    }

    /** The request count of wrk's summary ("123456 requests in 10.00s, ..."). */
    static long requests(String wrkOutput) {
        Matcher m = REQUESTS.matcher(wrkOutput);
        if (!m.find()) {
            throw new IllegalStateException("no request count in wrk's output:\n" + wrkOutput);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static byte[] body() {
        byte[] body = new byte[BODY_SIZE];
        ThreadLocalRandom.current().nextBytes(body);
        return body;
    }
}
