package dev.mocks3.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.MockS3Fixture;

/**
 * The files of {@code events/examples/} are what the README tells people to send with curl or
 * {@code kn event send}: each is a CloudEvent whose data fits its type's schema, each accepted type
 * has one per mode, and sent as they are (binary: the file's headers and body; structured: the file
 * as the body) they do what they say.
 */
class EventExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "events", "examples");
    private static final Path SCHEMAS = Path.of("..", "events", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACCEPTED = List.of("dev.mocks3.rule.put", "dev.mocks3.rule.patch",
            "dev.mocks3.rule.delete", "dev.mocks3.example.job");
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    /** One example file: its type, mode, and how it is sent. */
    record Example(Path file, String type, String mode, String path, Map<String, String> headers, byte[] body) {
        JsonNode data() throws IOException {
            JsonNode body = JSON.readTree(this.body);
            return mode.equals("structured") ? body.get("data") : body;
        }
    }

    @Test
    void everyExampleIsACloudEventWhoseDataFitsTheSchemaOfItsType() throws IOException {
        List<Example> examples = all();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2 * ACCEPTED.size());
        for (Example example : examples) {
            assertThat(example.file().getFileName().toString()).startsWith(example.type() + "." + example.mode() + ".");
            assertThat(EventSchemas.violations(example.type(), example.data())).as(example.file().toString()).isEmpty();
        }
        try (Stream<Path> schemas = Files.list(SCHEMAS)) {
            List<String> types = schemas.map(p -> p.getFileName().toString().replaceAll("\\.json$", "")).toList();
            assertThat(examples).extracting(Example::type).containsAll(types);
        }
    }

    @Test
    void everyAcceptedTypeHasABinaryAndAStructuredExample() throws IOException {
        List<String> found = all().stream().map(e -> e.type() + " " + e.mode()).toList();
        for (String type : ACCEPTED) {
            assertThat(found).contains(type + " binary", type + " structured");
        }
    }

    @Test
    void theRuleExamplesChangeTheRulesInBothModes() throws Exception {
        URI rulesApi = URI.create("http://localhost:" + mocks3.runner().context().getBean(FaultsApiServer.class).port());
        for (String mode : List.of("binary", "structured")) {
            try {
                assertThat(send(rulesApi, example("dev.mocks3.rule.put", mode)).statusCode()).as(mode).isEqualTo(200);
                assertThat(rule(rulesApi).get("enabled").asBoolean()).isTrue();
                assertThat(send(rulesApi, example("dev.mocks3.rule.patch", mode)).statusCode()).as(mode).isEqualTo(200);
                assertThat(rule(rulesApi).get("enabled").asBoolean()).as("disabled by the patch").isFalse();
            } finally {
                assertThat(send(rulesApi, example("dev.mocks3.rule.delete", mode)).statusCode()).as(mode).isEqualTo(204);
            }
            assertThat(get(rulesApi.resolve("/api/v1/rules/storage-random-error")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theJobExamplesAreScheduledInBothModes() throws Exception {
        for (String mode : List.of("binary", "structured")) {
            Example example = example("dev.mocks3.example.job", mode);
            Example later = new Example(example.file(), example.type(), mode, "/_mocks3/jobs/scheduled?delay=1h",
                    example.headers(), example.body());
            HttpResponse<String> scheduled = send(mocks3.endpoint(), later);
            assertThat(scheduled.statusCode()).as(mode).isEqualTo(201);
            String id = JSON.readTree(scheduled.body()).get("id").asText();
            JsonNode listed = JSON.readTree(get(mocks3.uri("/_mocks3/jobs/scheduled/" + id)).body());
            assertThat(listed.get("type").asText()).isEqualTo("dev.mocks3.example.job");
            assertThat(listed.get("state").asText()).isEqualTo("pending");
            assertThat(listed.get("event").get("data").get("purge").asText()).isEqualTo("trash");
            assertThat(mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/_mocks3/jobs/scheduled/" + id)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        }
    }

    private JsonNode rule(URI rulesApi) throws Exception {
        return JSON.readTree(get(rulesApi.resolve("/api/v1/rules/storage-random-error")).body());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return mocks3.http().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As curl sends the file: binary with its headers, structured as {@code application/cloudevents+json}. */
    private HttpResponse<String> send(URI base, Example example) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(example.path()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(example.body()));
        if (example.mode().equals("structured")) {
            request.header("Content-Type", "application/cloudevents+json");
        } else {
            example.headers().forEach(request::header);
        }
        return mocks3.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Example example(String type, String mode) throws IOException {
        return all().stream().filter(e -> e.type().equals(type) && e.mode().equals(mode)).findFirst().orElseThrow();
    }

    private static List<Example> all() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.sorted().toList()) {
                examples.add(file.toString().endsWith(".http") ? binary(file) : structured(file));
            }
        }
        return examples;
    }

    private static Example structured(Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        JsonNode event = JSON.readTree(body);
        assertThat(event.get("specversion").asText()).as(file.toString()).isEqualTo("1.0");
        assertThat(event.hasNonNull("id") && event.hasNonNull("source")).as(file.toString()).isTrue();
        return new Example(file, event.get("type").asText(), "structured", "/", Map.of(), body);
    }

    /** An HTTP request as written in the file: request line, headers, a blank line, the body. */
    private static Example binary(Path file) throws IOException {
        String text = Files.readString(file);
        int blank = text.indexOf("\n\n");
        String[] head = text.substring(0, blank).split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, colon).trim();
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, head[i].substring(colon + 1).trim());
            }
        }
        assertThat(headers).as(file.toString()).containsKeys("ce-specversion", "ce-id", "ce-type", "ce-source");
        return new Example(file, headers.get("ce-type"), "binary", head[0].split(" ")[1], headers,
                text.substring(blank + 2).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
