package dev.mocks3.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import dev.mocks3.app.pipeline.OperationPipelines;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.s3.OperationFunction;

/**
 * The {@code faults} Knative service, started with the environment knative/base/faults.yaml gives it:
 * it serves the rules API and builds no S3 pipeline and no S3 operation.
 */
class FaultsServiceTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void theFaultsServiceServesRulesAndBuildsNoS3Operation() throws Exception {
        SystemEnvironmentPropertySource env = new SystemEnvironmentPropertySource("faults.yaml", faultsServiceEnv());
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        Object definition = env.getProperty("spring.cloud.function.definition");
        assertThat(definition).as("faults.yaml sets a function definition").isNotNull();
        settings.put("spring.cloud.function.definition", definition);
        assertThat(Integer.parseInt(String.valueOf(env.getProperty("mocks3.faults.api-port"))))
                .as("faults.yaml runs the rules API").isNotNegative();
        long started = System.nanoTime();
        try (LocalRunner faults = LocalRunner.start(settings)) {
            System.out.printf("faults service: %s, started in %d ms%n", InstanceSize.of(faults.context()),
                    (System.nanoTime() - started) / 1_000_000);
            OperationPipelines pipelines = faults.context().getBean(OperationPipelines.class);
            for (S3Operation operation : S3Operation.values()) {
                assertThat(pipelines.of(operation)).as(operation.s3Name()).isEmpty();
            }
            assertThat(faults.context().getBeansOfType(OperationFunction.class)).isEmpty();
            int apiPort = faults.context().getBean(FaultsApiServer.class).port();
            HttpResponse<String> rules = mocks3.http().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + apiPort + "/api/v1/rules")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rules.statusCode()).isEqualTo(200);
        }
    }

    /** The env of the faults service's container, as the manifest sets it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> faultsServiceEnv() throws IOException {
        Path yaml = repoRoot().resolve("knative/base/faults.yaml");
        try (InputStream in = Files.newInputStream(yaml)) {
            for (Object doc : new Yaml().loadAll(in)) {
                Map<String, Object> service = (Map<String, Object>) doc;
                if (!"faults".equals(((Map<String, Object>) service.get("metadata")).get("name"))) {
                    continue;
                }
                Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) service.get("spec")).get("template");
                List<Map<String, Object>> containers = (List<Map<String, Object>>)
                        ((Map<String, Object>) spec.get("spec")).get("containers");
                Map<String, Object> env = new HashMap<>();
                for (Map<String, Object> e : (List<Map<String, Object>>) containers.get(0).get("env")) {
                    env.put((String) e.get("name"), e.get("value"));
                }
                return env;
            }
        }
        throw new IllegalStateException("no faults service in " + yaml);
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("knative"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
