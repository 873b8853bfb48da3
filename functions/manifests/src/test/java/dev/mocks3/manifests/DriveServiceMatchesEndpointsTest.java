package dev.mocks3.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.core.drive.DriveEndpoint;

class DriveServiceMatchesEndpointsTest {

    @Test
    void committedDriveServiceIsExactlyWhatTheEndpointsRender() {
        assertThat(YamlDocuments.text(DriveServiceWriter.OUTPUT))
                .as("%s is out of date with DriveEndpoint; regenerate it: mvn -q -pl functions/manifests -am compile"
                        + " && java -cp functions/manifests/target/classes:functions/core/target/classes dev.mocks3.manifests.DriveServiceWriter",
                        DriveServiceWriter.OUTPUT)
                .isEqualTo(DriveServiceWriter.render());
    }

    @Test
    void theDriveServiceSelectsEveryDriveFunctionAndServesPort8888() {
        List<JsonNode> docs = YamlDocuments.read(DriveServiceWriter.OUTPUT);
        assertThat(docs).hasSize(1);
        JsonNode container = docs.get(0).path("spec").path("template").path("spec").path("containers").get(0);
        String definition = "";
        String port = "";
        for (JsonNode env : container.path("env")) {
            if ("SPRING_CLOUD_FUNCTION_DEFINITION".equals(env.path("name").asText())) {
                definition = env.path("value").asText();
            }
            if ("MOCKS3_DRIVE_PORT".equals(env.path("name").asText())) {
                port = env.path("value").asText();
            }
        }
        assertThat(Arrays.asList(definition.split(";")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DriveEndpoint.values()).map(DriveEndpoint::functionName).toList());
        assertThat(port).isEqualTo("8888");
        assertThat(YamlDocuments.text("knative/base/patches/drive-port.yaml")).contains("containerPort: 8888");
    }

    @Test
    void everyDriveEndpointHasItsOwnMethodAndPath() {
        assertThat(Arrays.stream(DriveEndpoint.values()).map(e -> e.method() + " " + e.path())).doesNotHaveDuplicates();
        assertThat(Arrays.stream(DriveEndpoint.values()).map(DriveEndpoint::functionName)).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("drive"));
    }
}
