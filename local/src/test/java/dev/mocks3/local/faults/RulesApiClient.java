package dev.mocks3.local.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;

/** The rules API of a running MockS3, spoken to with plain HTTP as curl would. */
public final class RulesApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;

    /** The shared MockS3's rules API. */
    RulesApiClient(MockS3Fixture mocks3) {
        this(mocks3.runner(), mocks3.http());
    }

    public RulesApiClient(LocalRunner runner, HttpClient http) {
        this(URI.create("http://localhost:" + runner.context().getBean(FaultsApiServer.class).port()), http);
    }

    /** The rules API at {@code base} (scheme, host and port). */
    RulesApiClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !java.util.Arrays.asList(headers).contains("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        // bounded by the future, not by HttpRequest.timeout: JDK 17's per-request timer can close the
        // pooled connection a later request is already using, which then hangs until its own timeout
        try {
            return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** Creates a rule; answers its id. */
    public String create(String json) {
        HttpResponse<String> r = send("POST", "/api/v1/rules", json);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("rule refused: " + r.statusCode() + " " + r.body());
        }
        return json(r).get("id").asText();
    }

    public void delete(String id) {
        send("DELETE", "/api/v1/rules/" + id, null);
    }

    JsonNode get(String path) {
        return json(send("GET", path, null));
    }

    /** The events of a bucket, waiting briefly for the asynchronous log to catch up with {@code atLeast}. */
    public JsonNode events(String query, int atLeast) {
        JsonNode page = null;
        for (int i = 0; i < 50; i++) {
            page = get("/api/v1/events?" + query);
            if (page.get("events").size() >= atLeast) {
                return page;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return page;
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }
}
