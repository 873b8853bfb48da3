package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny in-process stand-in for MockS3 on 127.0.0.1: path-style bucket PUT/DELETE and object
 * PUT/GET/DELETE, kept in memory. It can be told to misbehave, to prove the runner notices.
 */
final class FakeS3Server implements AutoCloseable {

    static {
        // without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    enum Behaviour { CORRECT, FLIP_A_BYTE_ON_GET, FAIL_OBJECT_PUTS }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Behaviour behaviour;

    FakeS3Server(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int storedObjects() {
        return objects.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getRawPath();
            boolean object = path.indexOf('/', 1) > 0;
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    byte[] bytes = body.readAllBytes();
                    if (object && behaviour == Behaviour.FAIL_OBJECT_PUTS) {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    if (object) {
                        objects.put(path, bytes);
                    }
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    byte[] bytes = objects.get(path);
                    if (bytes == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    if (behaviour == Behaviour.FLIP_A_BYTE_ON_GET) {
                        bytes = bytes.clone();
                        bytes[bytes.length / 2] ^= 1;
                    }
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
                case "DELETE" -> {
                    objects.remove(path);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
