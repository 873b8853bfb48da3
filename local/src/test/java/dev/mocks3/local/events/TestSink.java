package dev.mocks3.local.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CloudEvents sink on a real HTTP port: records every binary-mode event POSTed to it, and answers
 * 500 to the first {@link #failFirst} requests (or to all, with {@link #failAlways}).
 */
final class TestSink implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean failAlways;
    private final AtomicInteger hangsLeft = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /** One request as it arrived: its {@code ce-*} attributes and its data. */
    record Received(Map<String, String> headers, byte[] body, int answeredStatus) {
        String attribute(String name) {
            return headers.get("ce-" + name);
        }

        String id() {
            return attribute("id");
        }

        String type() {
            return attribute("type");
        }

        JsonNode data() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("event data is not JSON", e);
            }
        }

        /** {@code Records[0]} of an S3 event notification. */
        JsonNode record() {
            return data().get("Records").get(0);
        }

        /** Answered 2xx (0: never answered). */
        boolean accepted() {
            return answeredStatus >= 200 && answeredStatus < 300;
        }
    }

    TestSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void failFirst(int requests) {
        failuresLeft.set(requests);
    }

    /** The next {@code requests} requests are recorded but never answered (a consumer that hangs). */
    void hangFirst(int requests) {
        hangsLeft.set(requests);
    }

    void failAlways() {
        failAlways = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        if (hangsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            synchronized (received) {
                received.add(new Received(headers, body, 0));
                received.notifyAll();
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        int status = failAlways || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 202;
        synchronized (received) {
            received.add(new Received(headers, body, status));
            received.notifyAll();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Accepted events (answered 2xx) that match. */
    List<Received> accepted(Predicate<Received> filter) {
        return all().stream().filter(Received::accepted).filter(filter).toList();
    }

    /** Waits until {@code count} requests matching {@code filter} arrived (accepted or not); all of them, then. */
    List<Received> await(Predicate<Received> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                List<Received> matching = received.stream().filter(filter).toList();
                long left = deadline - System.nanoTime();
                if (matching.size() >= count || left <= 0) {
                    return new ArrayList<>(matching);
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Events about {@code bucket}. */
    static Predicate<Received> aboutBucket(String bucket) {
        return event -> event.attribute("source") != null && event.attribute("source").endsWith("/" + bucket);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
