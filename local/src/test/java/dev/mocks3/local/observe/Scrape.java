package dev.mocks3.local.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One scrape of a Prometheus text endpoint, read into samples: name, labels, value. */
public final class Scrape {
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape of(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")) {
                throw new IllegalStateException(uri + " is not Prometheus text: " + r.headers().firstValue("Content-Type"));
            }
            return parse(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace < 0 ? line.indexOf(' ') : line.indexOf(' ', line.lastIndexOf('}'));
            String name = line.substring(0, brace < 0 ? space : brace);
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0) {
                String body = line.substring(brace + 1, line.lastIndexOf('}'));
                int i = 0;
                while (i < body.length()) {
                    int eq = body.indexOf('=', i);
                    String label = body.substring(i, eq).trim();
                    StringBuilder value = new StringBuilder();
                    int j = eq + 2;
                    while (body.charAt(j) != '"') {
                        if (body.charAt(j) == '\\') {
                            j++;
                        }
                        value.append(body.charAt(j++));
                    }
                    labels.put(label, value.toString());
                    i = j + 1;
                    if (i < body.length() && body.charAt(i) == ',') {
                        i++;
                    }
                }
            }
            String[] rest = line.substring(space + 1).trim().split(" ");
            samples.add(new Sample(name, labels, Double.parseDouble(rest[0])));
        }
        return new Scrape(samples);
    }

    /** The sum of the samples of {@code name} whose labels include all of {@code match} (pairs). */
    public double sum(String name, String... match) {
        return samples.stream().filter(s -> s.name().equals(name) && has(s.labels(), match)).mapToDouble(Sample::value).sum();
    }

    public boolean has(String name, String... match) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && has(s.labels(), match));
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** Every label name the samples of {@code name} carry. */
    public Set<String> labels(String name) {
        Set<String> labels = new TreeSet<>();
        samples.stream().filter(s -> s.name().equals(name)).forEach(s -> labels.addAll(s.labels().keySet()));
        return labels;
    }

    private static boolean has(Map<String, String> labels, String... match) {
        for (int i = 0; i + 1 < match.length; i += 2) {
            if (!match[i + 1].equals(labels.get(match[i]))) {
                return false;
            }
        }
        return true;
    }
}
