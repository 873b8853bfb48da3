package dev.mocks3.local.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.app.observe.StorageSampler;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.faults.RulesApiClient;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every PromQL expression of every dashboard names only metrics and labels that a running MockS3
 * exports (checked against a real scrape after some traffic), or labels the kind overlay's
 * Prometheus attaches to each target: no dashboard panel can show "No data" because of a name.
 */
class DashboardQueriesTest {
    private static final Path MONITORING = Path.of("..", "knative", "overlays", "kind", "monitoring");
    private static final Set<String> TITLES = Set.of("MockS3 Overview", "Service Metrics", "Infrastructure", "Error Injection",
            "Business Metrics");
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyDashboardQueryNamesExportedMetricsAndLabels() throws Exception {
        Scrape scrape = scrapeAfterTraffic();
        Set<String> targetLabels = targetLabels();
        List<String> problems = new ArrayList<>();
        int expressions = 0;
        for (Path file : dashboards()) {
            for (JsonNode panel : json.readTree(file.toFile()).get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    String expr = target.get("expr").asText();
                    expressions++;
                    PromQlNames names = PromQlNames.of(expr);
                    assertThat(names.metrics).as("metrics of %s", expr).isNotEmpty();
                    Set<String> exported = new HashSet<>(targetLabels);
                    for (String metric : names.metrics) {
                        if (!scrape.names().contains(metric)) {
                            problems.add(file.getFileName() + " \"" + panel.get("title").asText() + "\": no metric " + metric);
                        }
                        exported.addAll(scrape.labels(metric));
                    }
                    for (String label : names.labels) {
                        if (!exported.contains(label)) {
                            problems.add(file.getFileName() + " \"" + panel.get("title").asText() + "\": no label " + label
                                    + " on " + names.metrics);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(expressions).isGreaterThan(30);
    }

    @Test
    void theFiveDashboardsAreProvisionedWithThePrometheusDataSource() throws Exception {
        Set<String> titles = new HashSet<>();
        String kustomization = Files.readString(MONITORING.resolveSibling("kustomization.yaml"));
        for (Path file : dashboards()) {
            JsonNode dashboard = json.readTree(file.toFile());
            titles.add(dashboard.get("title").asText());
            assertThat(kustomization).as("the kind overlay provisions %s", file.getFileName())
                    .contains("monitoring/dashboards/" + file.getFileName());
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panel.get("datasource").get("uid").asText()).isEqualTo("prometheus");
            }
        }
        assertThat(titles).isEqualTo(TITLES);
        assertThat(Files.readString(MONITORING.resolve("grafana.yaml"))).contains("uid: prometheus", "type: prometheus");
    }

    /** Traffic that makes every series exist: S3 reads and writes, a fault rule with a delay, a storage sample. */
    private Scrape scrapeAfterTraffic() {
        String bucket = mocks3.newBucket("dashboards");
        RulesApiClient rules = new RulesApiClient(mocks3.runner(), mocks3.http());
        String rule = rules.create("{\"name\":\"dashboards-delay\",\"service\":\"storage-service\",\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"" + bucket + "\"}],\"action\":{\"type\":\"delay\",\"delay\":\"1ms\"}}");
        try {
            mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("dashboards"));
            mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"));
            mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("open"));
        } finally {
            rules.delete(rule);
        }
        mocks3.bean(StorageSampler.class).sample().block();
        return Scrape.of(mocks3.uri("/_mocks3/metrics"));
    }

    /** The labels the Prometheus scrape configuration adds to every target, besides job and instance. */
    private static Set<String> targetLabels() throws IOException {
        Set<String> labels = new HashSet<>(Set.of("job", "instance"));
        Matcher m = Pattern.compile("target_label: ([a-z_]+)").matcher(Files.readString(MONITORING.resolve("prometheus.yaml")));
        while (m.find()) {
            if (!m.group(1).startsWith("__")) {
                labels.add(m.group(1));
            }
        }
        return labels;
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(MONITORING.resolve("dashboards"))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(found).hasSize(5);
            return found;
        }
    }
}
