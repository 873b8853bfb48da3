package dev.mocks3.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enabled fault rules that no request of a load run matches (each names a bucket nobody uses),
 * posted to the rules API before the run and deleted after it: what the fault check costs when
 * it finds nothing to do.
 */
final class NonMatchingRules implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoadTarget api;
    private final List<String> ids = new ArrayList<>();

    private NonMatchingRules(LoadTarget api) {
        this.api = api;
    }

    /** Posts {@code count} rules to the rules API at {@code api} (e.g. http://localhost:8085). */
    static NonMatchingRules post(LoadTarget api, int count) throws IOException, InterruptedException {
        NonMatchingRules rules = new NonMatchingRules(api);
        try {
            for (int i = 0; i < count; i++) {
                rules.add(i);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            rules.close();
            throw e;
        }
        return rules;
    }

    int size() {
        return ids.size();
    }

    private void add(int i) throws IOException, InterruptedException {
        String rule = "{\"name\":\"load-test non-matching " + i + "\",\"conditions\":[{\"type\":\"bucket\","
                + "\"value\":\"mocks3-load-no-such-bucket-" + i + "\"}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":500}}";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(rulesUri(""))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IOException("rules API refused rule " + i + ": " + response.statusCode() + " " + response.body());
        }
        ids.add(id.group(1));
    }

    private URI rulesUri(String suffix) {
        return URI.create(api.base() + "/api/v1/rules" + suffix);
    }

    /** Deletes every rule this posted; the first failure is reported after trying them all. */
    @Override
    public void close() throws IOException, InterruptedException {
        IOException failed = null;
        for (String id : ids) {
            try {
                client.send(HttpRequest.newBuilder(rulesUri("/" + id)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        ids.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
