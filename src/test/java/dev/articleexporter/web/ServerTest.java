package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on a real port (Tomcat in front): raw requests that MockMvc cannot make, and
 * the page in a real browser, headless Chromium from Debian's {@code chromium} and
 * {@code chromium-driver} packages: it opens the page, filters, downloads a PDF and
 * starts a run.
 *
 * <p>
 * Without Chromium the browser test is skipped, except under {@code CI=true}, where it
 * fails. With {@code -Dexporter.screenshots=DIR} it also saves the page at desktop and
 * phone widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false",
                "server.address=127.0.0.1" })
@DirtiesContext
class ServerTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String PDF = "five-harbour-towns-to-visit-in-winter.pdf";

    @TempDir
    static Path work;

    @LocalServerPort
    int port;

    @BeforeAll
    static void exported() throws Exception {
        ServedFolder.exportSamples(work, 60); // 65 articles: two pages
    }

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Sent byte for byte, as an attacker would: no client library normalises the path
     * first.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/files/../output/exporter.mv.db", "/files/..%2Fexporter.mv.db",
            "/files/%2e%2e%2fexporter.mv.db", "/files/..%5Cexporter.mv.db", "/files/%252e%252e%252fexporter.mv.db",
            "/files//etc/passwd", "/files/%2Fetc%2Fpasswd", "/files/exporter.mv.db", "/files/.article-exporter.lock",
            "/files/five-harbour-towns-to-visit-in-winter.pdf%00", "/../../../../etc/passwd",
            "/files/..\\exporter.mv.db" })
    void rawTraversalAttemptsGetNoFile(String path) throws IOException {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(response).as(path).matches("(?s)HTTP/1\\.1 40[04].*");
        assertThat(response).doesNotContain("H:2,").doesNotContain("%PDF-").doesNotContain("root:");
    }

    @Test
    void headHasTheHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> head = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base() + "/files/" + PDF))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
            .contains(String.valueOf(Files.size(ServedFolder.output(work).resolve(PDF))));
        assertThat(head.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void aMissingPageIsATidyErrorPage() throws Exception {
        HttpResponse<String> missing = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base() + "/files/nothing.pdf"))
                .header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>Not found</h1>")
            .contains("href=\"/\"")
            .doesNotContain("Whitelabel")
            .doesNotContain(work.toString());
    }

    @Test
    void aBrowserFiltersDownloadsAPdfAndStartsARun() throws Exception {
        requireChromium();
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        ChromeDriver browser = chromium(downloads, Files.createDirectories(work.resolve("chromium-profile")));
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(base() + "/");
            assertThat(browser.getTitle()).isEqualTo("Article exporter");
            assertThat(articleRows(browser)).hasSize(PageController.PAGE_SIZE);
            assertThat(browser.findElement(By.cssSelector(".pager .pages")).getText()).contains("of 65");
            screenshots(browser, "page");

            // Filter with the text box (a plain GET form)...
            WebElement search = browser.findElement(By.id("q"));
            search.sendKeys("harbour", Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("q=harbour"));
            assertThat(articleRows(browser)).singleElement()
                .extracting(WebElement::getText)
                .asString()
                .contains("Five Harbour Towns to Visit in Winter");
            // ...and the section list, which submits itself when changed.
            browser.get(base() + "/");
            new Select(browser.findElement(By.id("section"))).selectByValue("Politics");
            wait.until(ExpectedConditions.urlContains("section=Politics"));
            assertThat(articleRows(browser)).hasSize(2);

            // Download the harbour article's PDF.
            browser.get(base() + "/?q=harbour");
            browser.findElement(By.cssSelector("a.download[href='/files/" + PDF + "']")).click();
            Path downloaded = wait.until(d -> finished(downloads, PDF).orElse(null));
            byte[] bytes = Files.readAllBytes(downloaded);
            assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(bytes).isEqualTo(Files.readAllBytes(ServedFolder.output(work).resolve(PDF)));

            // Start a run: the status line follows it, then the page shows it in the runs
            // table.
            browser.get(base() + "/");
            String before = browser.findElement(By.id("status-message")).getText();
            assertThat(before).startsWith("Run 1 COMPLETED in ");
            browser.findElement(By.cssSelector("#run-now button")).click();
            wait.until(d -> !d.findElement(By.id("status-message")).getText().equals(before));
            wait.until(d -> d.findElement(By.cssSelector("table.runs tbody tr td a")).getText().equals("2"));
            assertThat(browser.findElement(By.cssSelector("table.runs tbody tr .badge")).getText())
                .isEqualTo("COMPLETED");
            assertThat(browser.findElement(By.id("status-message")).getText()).startsWith("Run 2 COMPLETED in ");
            screenshots(browser, "after-run");
        }
        finally {
            browser.quit();
        }
    }

    private static List<WebElement> articleRows(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("table.articles tbody tr"));
    }

    private static Optional<Path> finished(Path folder, String name) {
        try (Stream<Path> files = Files.list(folder)) {
            // Chromium writes NAME.crdownload first and renames it when done.
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String how = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: " + how);
            }
            assumeTrue(false, "skipped: " + how);
        }
    }

    static ChromeDriver chromium(Path downloads, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }

    /**
     * With -Dexporter.screenshots=DIR: the top of the page and its runs, at desktop and
     * at phone width.
     */
    private static void screenshots(ChromeDriver browser, String name) throws IOException {
        String folder = System.getProperty("exporter.screenshots");
        if (folder == null) {
            return;
        }
        Files.createDirectories(Path.of(folder));
        for (Map.Entry<String, List<Integer>> size : List.of(Map.entry("desktop", List.of(1280, 900)),
                Map.entry("phone", List.of(390, 844)))) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getValue().get(0),
                    "height", size.getValue().get(1), "deviceScaleFactor", 1, "mobile", size.getKey().equals("phone")));
            browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
            for (String part : List.of("status", "runs")) {
                browser.executeScript("document.getElementById(arguments[0]).scrollIntoView()", part);
                File shot = browser.getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), Path.of(folder, name + "-" + size.getKey() + "-" + part + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.executeScript("window.scrollTo(0, 0)");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

}
