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
    void everyDrivePodTakesTheJwtKeyFromTheOneSharedSecretAndNothingElseSetsIt() {
        JsonNode container = YamlDocuments.read(DriveServiceWriter.OUTPUT).get(0)
                .path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode jwt = null;
        for (JsonNode env : container.path("env")) {
            if ("MOCKS3_DRIVE_JWT_SECRET".equals(env.path("name").asText())) {
                jwt = env;
            }
        }
        assertThat(jwt).as("MOCKS3_DRIVE_JWT_SECRET in the drive service").isNotNull();
        assertThat(jwt.has("value")).as("never a literal").isFalse();
        JsonNode ref = jwt.path("valueFrom").path("secretKeyRef");
        assertThat(ref.path("name").asText()).isEqualTo("mocks3-drive");
        assertThat(ref.path("key").asText()).isEqualTo("MOCKS3_DRIVE_JWT_SECRET");
        // optional: true would let a pod start without it and make up a key of its own
        assertThat(ref.path("optional").asBoolean(false)).isFalse();
        for (String file : List.of("knative/base/config.yaml", "knative/overlays/kind/kustomization.yaml",
                "knative/overlays/kind/patches/config.yaml", "knative/overlays/production/kustomization.yaml",
                "knative/overlays/production/patches/config.yaml")) {
            assertThat(YamlDocuments.text(file)).as("%s must not carry a JWT key", file)
                    .doesNotContainPattern("(?m)^\\s*-?\\s*MOCKS3_DRIVE_JWT_SECRET\\s*[:=]");
        }
    }

    @Test
    void everyDriveEndpointHasItsOwnMethodAndPath() {
        assertThat(Arrays.stream(DriveEndpoint.values()).map(e -> e.method() + " " + e.path())).doesNotHaveDuplicates();
        assertThat(Arrays.stream(DriveEndpoint.values()).map(DriveEndpoint::functionName)).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("drive"));
    }
}
