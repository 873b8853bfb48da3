package dev.mocks3.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the image with no container engine: its layers unpacked in order into a folder, its entrypoint
 * started there with chroot as its user, in new mount and PID namespaces with what a container runtime
 * gives every container (/proc, /dev/null and friends, /dev/shm), with the image's environment and the
 * two ports moved to free ones (as {@code docker run -e} would). It must answer health on both ports.
 */
@EnabledIfSystemProperty(named = "mocks3.image.tar", matches = ".+")
@EnabledIf("rootWithNamespaces")
class ImageRunsTest {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String TOKEN = "image-test-token";

    static boolean rootWithNamespaces() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))
                && Files.isExecutable(Path.of("/usr/sbin/chroot"));
    }

    @Test
    void theEntrypointServesS3AndTheRulesApi() throws Exception {
        ImageTarball image = ImageTarball.read(Path.of(System.getProperty("mocks3.image.tar")));
        Path root = Files.createTempDirectory(Path.of("target"), "image-root-").toAbsolutePath();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x")); // as / of a container
        unpack(image, root);
        int s3Port = freePort();
        int rulesPort = freePort();
        JsonNode config = image.config().path("config");
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        env.add("MOCKS3_PORT=" + s3Port);
        env.add("MOCKS3_FAULTS_APIPORT=" + rulesPort);
        // bound to every address, the rules API asks for authentication: a SigV4 signature or this token
        env.add("MOCKS3_FAULTS_API_TOKEN=" + TOKEN);
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> entrypoint.add("'" + a.asText() + "'"));
        String script = "set -e; r='" + root + "'; mkdir -p $r/proc $r/dev; mount -t proc proc $r/proc; mount -t tmpfs tmpfs $r/dev;"
                + " for d in null zero random urandom; do touch $r/dev/$d; mount --bind /dev/$d $r/dev/$d; done;"
                + " mkdir $r/dev/shm; mount -t tmpfs tmpfs $r/dev/shm;"
                + " env -i " + String.join(" ", env) + " /usr/sbin/chroot --userspec=" + config.path("User").asText()
                + " $r " + String.join(" ", entrypoint) + " & wait $!";
        Process container = new ProcessBuilder("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child", "sh", "-c", script)
                .redirectErrorStream(true).redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile()).start();
        try {
            assertThat(awaitOk(URI.create("http://127.0.0.1:" + s3Port + config.path("Labels").path("dev.mocks3.health").asText()), null, container))
                    .as("S3 health").isTrue();
            assertThat(awaitOk(URI.create("http://127.0.0.1:" + rulesPort + "/health"), TOKEN, container)).as("rules API health").isTrue();
        } finally {
            // unshare --fork ignores SIGTERM while it waits. Killed, it has its child, sh, killed (--kill-child; sh
            // stays the namespace's first process, as chroot --userspec would drop that order), and with it the namespace
            container.destroyForcibly();
            container.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void unpack(ImageTarball image, Path root) throws IOException, InterruptedException {
        Path layers = Files.createTempDirectory(Path.of("target"), "image-layers-");
        for (JsonNode layer : image.manifest().path("Layers")) {
            Path blob = layers.resolve(layer.asText());
            Files.write(blob, image.layerBlobs().get(layer.asText()));
            Process tar = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "-xzf", blob.toString(), "-C", root.toString())
                    .inheritIO().start();
            assertThat(tar.waitFor()).as("unpacking " + layer.asText()).isZero();
        }
    }

    private static boolean awaitOk(URI uri, String bearer, Process container) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && container.isAlive()) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
                if (bearer != null) {
                    request.header("Authorization", "Bearer " + bearer);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
