package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;

/** Every job event example in events/examples runs as it is written, binary (.http) or structured (.json). */
class JobExamplesTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void everyJobExampleRuns() throws Exception {
        String bucket = mocks3.newBucket("examples");
        List<Path> examples;
        try (Stream<Path> files = Files.list(examplesFolder())) {
            examples = files.filter(f -> f.getFileName().toString().startsWith("dev.mocks3.job.")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (Path example : examples) {
            // a fresh id each run, and a bucket that exists, in place of the example's
            String text = Files.readString(example).replace("my-bucket", bucket)
                    .replaceAll("5b0e6c1a-000\\d", UUID.randomUUID().toString());
            HttpRequest.Builder request = HttpRequest.newBuilder(mocks3.uri("/_mocks3/jobs"));
            if (example.toString().endsWith(".json")) {
                request.header("Content-Type", "application/cloudevents+json").POST(HttpRequest.BodyPublishers.ofString(text));
            } else {
                String[] headAndBody = text.split("\n\n", 2);
                String[] lines = headAndBody[0].split("\n");
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    String name = lines[i].substring(0, colon).trim();
                    if (!name.equalsIgnoreCase("Host")) {
                        request.header(name, lines[i].substring(colon + 1).trim());
                    }
                }
                request.POST(HttpRequest.BodyPublishers.ofString(headAndBody[1]));
            }
            HttpResponse<String> response = mocks3.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s: %s", example.getFileName(), response.body()).isEqualTo(200);
            assertThat(response.body()).as(example.getFileName().toString()).contains("\"ran\":true");
        }
    }

    private static Path examplesFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events/examples"))) {
                return dir.resolve("events/examples");
            }
        }
        throw new IllegalStateException("no events/examples above " + Path.of("").toAbsolutePath());
    }
}
