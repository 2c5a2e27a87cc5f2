package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.articleexporter.model.Cover;
import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.ExportService;
import dev.articleexporter.render.OutputFormats;
import example.plaintext.PlainTextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * Output formats are plug-ins everywhere: a third format, {@link PlainTextFormat}, added
 * to the context by this test alone (no production code names it), is written for every
 * article and for the nightly digest, listed on the page, served, and offered by the OPDS
 * catalog with its media type. The run's formats are {@code txt,pdf}: nothing is written
 * as EPUB, not even the digest.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false",
        "exporter.serve.formats=txt,pdf" })
@AutoConfigureMockMvc
@Import(PlainTextFormat.class)
@DirtiesContext
class PlainTextFormatFunctionalTests {

    @TempDir
    static Path work;

    private static List<ExportReport> reports;

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportService exports;

    @Autowired
    ServeSettings settings;

    @Autowired
    OutputFormats formats;

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + work.resolve("data/exporter"));
        registry.add("exporter.serve.input", () -> ServedFolder.input(work).toString());
        registry.add("exporter.serve.output", () -> ServedFolder.output(work).toString());
    }

    /**
     * One run, as the server's runs are (its formats, with the digest), before the first
     * test.
     */
    @BeforeEach
    void exported() throws Exception {
        if (reports == null) {
            FileSystemUtils.copyRecursively(Path.of("input"), ServedFolder.input(work));
            reports = exports.export(settings.exportSettings(), false);
        }
    }

    private static List<String> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(ServedFolder.output(work))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }

    private static List<String> articleStems(String extension) throws IOException {
        return files("." + extension).stream()
            .filter(n -> !n.startsWith("digest-"))
            .map(n -> n.substring(0, n.length() - extension.length() - 1))
            .toList();
    }

    private static String digestStem() throws IOException {
        List<String> digests = files(".pdf").stream().filter(n -> n.startsWith("digest-")).toList();
        assertThat(digests).as("one nightly digest").hasSize(1);
        return digests.getFirst().substring(0, digests.getFirst().length() - ".pdf".length());
    }

    private String body(String uri) throws Exception {
        return mvc.perform(get(uri))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFormatIsInTheRegistryOnlyBecauseThisTestAddedIt() {
        assertThat(formats.names()).containsExactly("epub", "pdf", "txt");
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.exported()).isPositive());
    }

    @Test
    void everyArticleIsWrittenAsTextAndPdfAndNothingAsEpub() throws IOException {
        List<String> stems = articleStems("pdf");
        assertThat(stems).isNotEmpty();
        assertThat(articleStems("txt")).isEqualTo(stems);
        assertThat(files(".epub")).as("epub was not asked for").isEmpty();
        String first = Files.readString(ServedFolder.output(work).resolve(stems.getFirst() + ".txt"));
        assertThat(first).isNotBlank();
    }

    @Test
    void theDigestIsWrittenInExactlyTheRunsFormats() throws IOException {
        String digest = digestStem();
        assertThat(files("")).filteredOn(n -> n.startsWith(digest + "."))
            .containsExactlyInAnyOrder(digest + ".pdf", digest + ".txt", Cover.fileName(digest),
                    Cover.thumbnailName(digest));
        String text = Files.readString(ServedFolder.output(work).resolve(digest + ".txt"));
        assertThat(text).startsWith("Nightly digest — ").contains("\n== ");
        for (String stem : articleStems("txt")) {
            String title = Files.readString(ServedFolder.output(work).resolve(stem + ".txt"))
                .lines()
                .findFirst()
                .orElseThrow();
            assertThat(text).as("the digest holds %s", stem).contains(title);
        }
    }

    @Test
    void thePageListsAndServesTheTextFiles() throws Exception {
        String page = body("/");
        String article = articleStems("txt").getFirst();
        String digest = digestStem();
        assertThat(page).contains("href=\"/files/" + article + ".txt\"")
            .contains("href=\"/files/" + digest + ".txt\"")
            .contains("<span class=\"format\">TXT</span>")
            .doesNotContain(".epub\"");
        mvc.perform(get("/files/" + digest + ".txt"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/plain"));
        mvc.perform(get("/files/" + article + ".txt"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/plain"));
    }

    @Test
    void theCatalogOffersTheTextFilesWithTheirMediaType() throws Exception {
        String article = articleStems("txt").getFirst();
        String digest = digestStem();
        assertThat(body("/opds/new")).containsPattern(acquisition(article + ".txt", "text/plain"))
            .containsPattern(acquisition(article + ".pdf", "application/pdf"))
            .doesNotContain("application/epub+zip");
        assertThat(body("/opds/digests")).containsPattern(acquisition(digest + ".txt", "text/plain"))
            .containsPattern(acquisition(digest + ".pdf", "application/pdf"))
            .doesNotContain("application/epub+zip");
        assertThat(body("/opds/entries/" + article)).containsPattern(acquisition(article + ".txt", "text/plain"));
    }

    private static Pattern acquisition(String fileName, String type) {
        return Pattern.compile("<link rel=\"http://opds-spec.org/acquisition\" href=\"/files/" + Pattern.quote(fileName)
                + "\" type=\"" + Pattern.quote(type) + "\"");
    }

}
