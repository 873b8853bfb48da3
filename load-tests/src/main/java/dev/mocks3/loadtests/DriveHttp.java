package dev.mocks3.loadtests;

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
 * The drive API (port 8888) as the load runner speaks it: JSON in, the envelope out, with no JSON
 * library (the runner needs only the JDK): the few fields it reads are found by pattern.
 */
final class DriveHttp {
    private static final Pattern CODE = Pattern.compile("\"code\":(\\d+)");
    private final LoadTarget target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DriveHttp(LoadTarget target) {
        this.target = target;
    }

    /** A status, the envelope's code, the body and the response's Server-Timing header. */
    record Reply(int status, int code, String body, String serverTiming) {
        boolean ok() {
            return status == 200 && code == 200;
        }

        String text(String field) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        List<Long> numbers(String field) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(\\d+)").matcher(body);
            List<Long> found = new ArrayList<>();
            while (m.find()) {
                found.add(Long.parseLong(m.group(1)));
            }
            return found;
        }

        /** Milliseconds the server spent on the password check, from {@code Server-Timing: kdf;dur=...}. */
        double kdfMillis() {
            if (serverTiming == null || !serverTiming.startsWith("kdf;dur=")) {
                return Double.NaN;
            }
            return Double.parseDouble(serverTiming.substring("kdf;dur=".length()));
        }
    }

    Reply post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    Reply get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), token);
    }

    /** A PUT of {@code body} to a presigned URL with one extra header; returns the status. */
    int putPresigned(String url, String header, String value, byte[] body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            if (header != null) {
                b.header(header, value);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(target.base() + pathAndQuery);
    }

    private Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", token);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = CODE.matcher(r.body());
            return new Reply(r.statusCode(), code.find() ? Integer.parseInt(code.group(1)) : -1, r.body(),
                    r.headers().firstValue("Server-Timing").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, -1, "", null);
        } catch (Exception e) {
            return new Reply(-1, -1, e.toString(), null);
        }
    }

    /** A JSON object of string and number fields (names and strings here are plain ASCII). */
    static String json(Object... fields) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (i > 0) {
                s.append(',');
            }
            s.append('"').append(fields[i]).append("\":");
            Object v = fields[i + 1];
            s.append(v instanceof Number ? v.toString() : "\"" + v + "\"");
        }
        return s.append('}').toString();
    }
}
