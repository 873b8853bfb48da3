package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A real browser upload: an HTML form with the hidden policy fields a web application's server signs,
 * opened in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), a file chosen
 * and the form submitted. The object is then read with the SDK. Skipped only where Chromium is missing.
 */
class BrowserFormUploadTest {
    private static ChromeDriver browser;
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @BeforeAll
    static void startChromium() {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        if (chromium.isEmpty() && "1".equals(System.getenv("MOCKS3_REQUIRE_BROWSER"))) {
            // CI installs Chromium and sets this: there the browser test must run, never be skipped
            throw new IllegalStateException("MOCKS3_REQUIRE_BROWSER=1 but chromium is not installed");
        }
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium chromium-driver)");
        Path driver = onPath("chromedriver").orElseThrow(() -> new IllegalStateException(
                "chromium is installed but chromedriver is not: apt-get install chromium-driver"));
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Optional<Path> onPath(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    @Test
    void chromiumSubmitsASignedFormToAVirtualHostedBucketAndFollowsTheRedirect() throws Exception {
        String bucket = mocks3.newBucket("browser");
        int port = mocks3.endpoint().getPort();
        // where the application sends the browser after the upload: a page in the same bucket
        mocks3.s3().putObject(b -> b.bucket(bucket).key("done.html").contentType("text/html"),
                RequestBody.fromString("<html><body><h1 id=\"done\">Upload complete</h1></body></html>"));
        String done = "http://" + bucket + ".localhost:" + port + "/done.html";
        PolicySigner policy = new PolicySigner().condition("{\"bucket\":\"" + bucket + "\"}")
                .condition("[\"starts-with\",\"$key\",\"browser/\"]")
                .condition("[\"starts-with\",\"$Content-Type\",\"text/\"]")
                .condition("[\"starts-with\",\"$x-amz-meta-uploaded-by\",\"\"]")
                .condition("{\"success_action_redirect\":\"" + done + "\"}")
                .condition("[\"content-length-range\",1,1048576]");
        Map<String, String> signed = policy.sigV4(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY);

        StringBuilder hidden = new StringBuilder();
        signed.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(name)
                .append("\" value=\"").append(value).append("\">\n"));
        String page = """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Upload</title></head><body>
                <form id="upload" action="http://%s.localhost:%d/" method="post" enctype="multipart/form-data">
                  <input type="hidden" name="key" value="browser/${filename}">
                  <input type="text" name="x-amz-meta-uploaded-by" value="selenium">
                  <input type="hidden" name="Content-Type" value="text/plain">
                  <input type="hidden" name="success_action_redirect" value="%s">
                  %s
                  <input type="file" id="file" name="file">
                  <input type="submit" id="send" value="Upload">
                </form></body></html>
                """.formatted(bucket, port, done, hidden);
        Path dir = Files.createDirectories(Path.of("target", "browser-form").toAbsolutePath());
        Path form = dir.resolve(bucket + ".html");
        Files.writeString(form, page);
        Path chosen = dir.resolve("notes-" + bucket + ".txt");
        Files.writeString(chosen, "written in a browser\n");

        browser.get(form.toUri().toString());
        browser.findElement(By.id("file")).sendKeys(chosen.toString());
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(done));

        String key = "browser/" + chosen.getFileName();
        ResponseBytes<GetObjectResponse> object = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key));
        assertThat(browser.getCurrentUrl()).isEqualTo(done + "?bucket=" + bucket + "&key=" + key.replace("/", "%2F")
                + "&etag=" + object.response().eTag().replace("\"", "%22"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Upload complete");
        assertThat(object.asString(StandardCharsets.UTF_8)).isEqualTo("written in a browser\n");
        assertThat(object.response().contentType()).isEqualTo("text/plain");
        assertThat(object.response().metadata()).containsExactly(Map.entry("uploaded-by", "selenium"));
    }
}
