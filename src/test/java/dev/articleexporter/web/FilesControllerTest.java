package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.articleexporter.history.DigestHistory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /files/{name}}: exported files with the right headers, conditional and ranged;
 * nothing else, however asked for.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false" })
@AutoConfigureMockMvc
@DirtiesContext
class FilesControllerTest {

    static final String PDF = "five-harbour-towns-to-visit-in-winter.pdf";
    static final String EPUB = "five-harbour-towns-to-visit-in-winter.epub";

    @TempDir
    static Path work;

    @Autowired
    MockMvc mvc;

    @Autowired
    DigestHistory editions;

    @BeforeAll
    static void exported() throws Exception {
        ServedFolder.exportSamples(work, 0);
        Path output = ServedFolder.output(work);
        // Things an output folder may hold besides exports; none may be served.
        Files.writeString(output.resolve(".article-exporter-1234.part"), "half a file");
        Files.writeString(output.resolve("notes.pdf"), "%PDF- not an export");
        Files.writeString(output.resolve(".hidden.pdf"), "%PDF- hidden");
        // Covers of an exported article (written here, whether or not the export wrote
        // them), and images that are not covers of anything exported.
        TestCovers.write(output, STEM);
        Files.write(output.resolve("notes.jpg"), TestCovers.jpeg(20, 20));
        Files.write(output.resolve(STEM + ".jpg"), TestCovers.jpeg(20, 20));
        Files.write(output.resolve("missing-article.cover.jpg"), TestCovers.jpeg(20, 20));
        Files.write(output.resolve(STEM + ".cover.jpeg"), TestCovers.jpeg(20, 20));
        Files.write(output.resolve(".cover.jpg"), TestCovers.jpeg(20, 20));
        // named as a recorded article's cover, but not a JPEG
        Files.writeString(output.resolve(UNICODE_COVER), "%PDF- not a picture");
    }

    static final String STEM = "five-harbour-towns-to-visit-in-winter";

    static final String COVER = STEM + ".cover.jpg";

    static final String THUMB = STEM + ".thumb.jpg";

    static final String UNICODE_COVER = ServedFolder.UNICODE_STEM + ".cover.jpg";

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    private static Path output(String name) {
        return ServedFolder.output(work).resolve(name);
    }

    @Test
    void servesAnExportedPdfAsAnAttachmentWithValidators() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/files/" + PDF))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
            .andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn()
            .getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(Files.readAllBytes(output(PDF)));
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
            .contains("filename=\"" + PDF + "\"")
            .contains("filename*=UTF-8''" + PDF);
        assertThat(response.getHeader(HttpHeaders.ETAG)).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        assertThat(response.getDateHeader(HttpHeaders.LAST_MODIFIED) / 1000)
            .isEqualTo(Files.getLastModifiedTime(output(PDF)).toMillis() / 1000);
        assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-cache");
    }

    @Test
    void servesANameBeyondAsciiWithAnRfc5987FileName() throws Exception {
        String name = ServedFolder.UNICODE_STEM + ".pdf";
        MockHttpServletResponse response = mvc.perform(get(URI.create("/files/%C3%A9t%C3%A9-%C3%A0-paris.pdf")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(Files.readAllBytes(output(name)));
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
            .contains("filename*=UTF-8''%C3%A9t%C3%A9-%C3%A0-paris.pdf")
            .matches("\\p{ASCII}+"); // header values are ASCII; the name travels encoded
    }

    @Test
    void servesAnEpubWithItsMediaTypeAndAnswersHead() throws Exception {
        mvc.perform(get("/files/" + EPUB))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/epub+zip"));
        // (MockMvc keeps a HEAD's body; the servlet container drops it: see ServerTest.)
        MockHttpServletResponse head = mvc.perform(head("/files/" + EPUB))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        assertThat(head.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo(String.valueOf(Files.size(output(EPUB))));
    }

    @Test
    void answersConditionalRequestsWith304() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/files/" + PDF)).andReturn().getResponse();
        String etag = first.getHeader(HttpHeaders.ETAG);
        String lastModified = first.getHeader(HttpHeaders.LAST_MODIFIED);

        MockHttpServletResponse byEtag = mvc.perform(get("/files/" + PDF).header(HttpHeaders.IF_NONE_MATCH, etag))
            .andExpect(status().isNotModified())
            .andReturn()
            .getResponse();
        assertThat(byEtag.getContentAsByteArray()).isEmpty();
        assertThat(byEtag.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        mvc.perform(get("/files/" + PDF).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
            .andExpect(status().isNotModified());

        // Another version: the whole file.
        mvc.perform(get("/files/" + PDF).header(HttpHeaders.IF_NONE_MATCH, "\"1-1\"")).andExpect(status().isOk());
    }

    @Test
    void servesByteRanges() throws Exception {
        byte[] file = Files.readAllBytes(output(PDF));
        MockHttpServletResponse part = mvc.perform(get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=100-199"))
            .andExpect(status().isPartialContent())
            .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 100-199/" + file.length))
            .andReturn()
            .getResponse();
        assertThat(part.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(file, 100, 200));

        MockHttpServletResponse tail = mvc.perform(get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=-16"))
            .andExpect(status().isPartialContent())
            .andReturn()
            .getResponse();
        assertThat(tail.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(file, file.length - 16, file.length));

        MockHttpServletResponse two = mvc.perform(get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=0-4,10-14"))
            .andExpect(status().isPartialContent())
            .andReturn()
            .getResponse();
        assertThat(two.getContentType()).startsWith("multipart/byteranges");
        assertThat(two.getContentAsString(StandardCharsets.ISO_8859_1)).contains("%PDF-")
            .contains("Content-Range: bytes 10-14/");

        mvc.perform(get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=" + file.length + "-"))
            .andExpect(status().isRequestedRangeNotSatisfiable())
            .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes */" + file.length));
    }

    @Test
    void ifRangeGivesThePartOnlyForTheSameVersion() throws Exception {
        byte[] file = Files.readAllBytes(output(PDF));
        MockHttpServletResponse first = mvc.perform(get("/files/" + PDF)).andReturn().getResponse();
        mvc.perform(get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=0-9")
            .header(HttpHeaders.IF_RANGE, first.getHeader(HttpHeaders.ETAG))).andExpect(status().isPartialContent());
        mvc.perform(get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=0-9")
            .header(HttpHeaders.IF_RANGE, first.getHeader(HttpHeaders.LAST_MODIFIED)))
            .andExpect(status().isPartialContent());

        MockHttpServletResponse changed = mvc
            .perform(
                    get("/files/" + PDF).header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, "\"1-1\""))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
            .andReturn()
            .getResponse();
        assertThat(changed.getContentAsByteArray()).isEqualTo(file);
        assertThat(changed.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(changed.getHeader(HttpHeaders.ETAG)).isEqualTo(first.getHeader(HttpHeaders.ETAG));
    }

    /**
     * Path tricks: the firewall refuses them (400) or the name is not an export (404);
     * never the file behind.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/files/../output/exporter.mv.db", "/files/..%2Fexporter.mv.db",
            "/files/..%2fexporter.mv.db", "/files/%2e%2e/exporter.mv.db", "/files/%2E%2E%2Fexporter.mv.db",
            "/files/..%5cexporter.mv.db", "/files/..%5Coutput%5Cexporter.mv.db", "/files/%252e%252e%252fexporter.mv.db",
            "/files/%25252e%25252e%25252fexporter.mv.db", "/files//etc/passwd", "/files/%2Fetc%2Fpasswd",
            "/files/%2fetc%2fpasswd", "/files/C:%5Cwindows%5Cwin.ini",
            "/files/five-harbour-towns-to-visit-in-winter.pdf%00.db",
            "/files/five-harbour-towns-to-visit-in-winter.pdf;.db", "/files/.%2e/exporter.mv.db", "/files/..",
            "/files/.", "/files/..%2Fexporter.mv.db.cover.jpg", "/files/..%2F..%2Fetc%2Fpasswd.thumb.jpg",
            "/files/../output/five-harbour-towns-to-visit-in-winter.cover.jpg", "/files/%2e%2e%2fnotes.cover.jpg",
            "/files/five-harbour-towns-to-visit-in-winter.cover.jpg%00.db",
            "/files/five-harbour-towns-to-visit-in-winter.cover.jpg;.db", "/files/..%5cnotes.thumb.jpg" })
    void refusesTraversal(String uri) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(uri))).andReturn().getResponse();
        assertThat(response.getStatus()).as(uri).isIn(400, 404);
        assertNotAFile(response);
    }

    /**
     * Files in the folder that are not exports: the database, its log, the lock,
     * temporary files, hidden or unknown ones.
     */
    @ParameterizedTest
    @ValueSource(strings = { "exporter.mv.db", "exporter.lock", "article-exporter.log", ".article-exporter.lock",
            ".article-exporter-1234.part", "notes.pdf", ".hidden.pdf", "missing-article.pdf",
            "five-harbour-towns-to-visit-in-winter.json", "five-harbour-towns-to-visit-in-winter.PDF",
            "five-harbour-towns-to-visit-in-winter", "FIVE-HARBOUR-TOWNS-TO-VISIT-IN-WINTER.pdf", "broken.pdf",
            "notes.jpg", "five-harbour-towns-to-visit-in-winter.jpg", "missing-article.cover.jpg",
            "five-harbour-towns-to-visit-in-winter.cover.jpeg", ".cover.jpg",
            "five-harbour-towns-to-visit-in-winter.COVER.jpg", "five-harbour-towns-to-visit-in-winter.cover.JPG",
            "five-harbour-towns-to-visit-in-winter.cover.jpg.part", UNICODE_COVER })
    void servesNothingButExports(String name) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/files/{name}", name))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse();
        assertNotAFile(response);
    }

    @Test
    void theFixtureHoldsWhatMustNotBeServed() {
        // Otherwise the tests above would prove nothing.
        for (String name : List.of("exporter.mv.db", "article-exporter.log", ".article-exporter.lock",
                ".article-exporter-1234.part", "notes.pdf", ".hidden.pdf")) {
            assertThat(output(name)).as(name).isRegularFile();
        }
    }

    @Test
    void aRecordedArticleWhoseFileIsMissingOrALinkIsNotFound() throws Exception {
        String name = "three-questions-before-you-refinance.pdf";
        Path file = output(name);
        Path aside = work.resolve(name);
        Files.move(file, aside);
        try {
            mvc.perform(get("/files/" + name)).andExpect(status().isNotFound());
            Files.createSymbolicLink(file, output("exporter.mv.db"));
            MockHttpServletResponse response = mvc.perform(get("/files/" + name))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse();
            assertNotAFile(response);
        }
        finally {
            Files.deleteIfExists(file);
            Files.move(aside, file);
        }
        mvc.perform(get("/files/" + name)).andExpect(status().isOk());
    }

    @Test
    void servesTheFilesOfTheFoldersEditions() throws Exception {
        String stem = "digest-2026-11-25-run-1";
        Files.write(output(stem + ".epub"), new byte[] { 'P', 'K', 3, 4 });
        Files.write(output(stem + ".pdf"), "%PDF-1.7 digest".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(output("digest-elsewhere.epub"), new byte[] { 'P', 'K', 3, 4 });
        // not recorded yet
        mvc.perform(get("/files/" + stem + ".epub")).andExpect(status().isNotFound());
        editions.record(1, ServedFolder.output(work), stem, "Nightly digest, 25 November 2026", 3,
                List.of("epub", "pdf"));
        editions.record(1, work.resolve("another-folder"), "digest-elsewhere", "Another folder's digest", 3,
                List.of("epub", "pdf"));

        mvc.perform(get("/files/" + stem + ".epub"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/epub+zip"));
        mvc.perform(get("/files/" + stem + ".pdf"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"));
        mvc.perform(get("/files/digest-elsewhere.epub")).andExpect(status().isNotFound());
    }

    @Test
    void servesAnExportedArticlesCoverAndThumbnailAsCacheableJpegs() throws Exception {
        for (String name : List.of(COVER, THUMB)) {
            MockHttpServletResponse response = mvc.perform(get("/files/" + name))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse();
            assertThat(response.getContentAsByteArray()).isEqualTo(Files.readAllBytes(output(name)));
            // shown where it is opened, kept a while by the browser and no shared cache
            assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;")
                .contains("filename=\"" + name + "\"");
            assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=3600")
                .contains("private")
                .doesNotContain("no-cache");
            String etag = response.getHeader(HttpHeaders.ETAG);
            assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]+\"");
            mvc.perform(get("/files/" + name).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
        }
        // Books stay revalidated every time.
        assertThat(mvc.perform(get("/files/" + PDF)).andReturn().getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
            .contains("no-cache");
    }

    @Test
    void theFixtureHoldsTheImagesThatMustNotBeServed() throws Exception {
        for (String name : List.of("notes.jpg", STEM + ".jpg", "missing-article.cover.jpg", STEM + ".cover.jpeg",
                ".cover.jpg", UNICODE_COVER)) {
            assertThat(output(name)).as(name).isRegularFile();
        }
        // the not-a-JPEG "cover" belongs to an article that is served
        mvc.perform(get(URI.create("/files/%C3%A9t%C3%A9-%C3%A0-paris.pdf"))).andExpect(status().isOk());
    }

    @Test
    void aCoverThatIsALinkIsNotFound() throws Exception {
        String name = "three-questions-before-you-refinance.thumb.jpg";
        Files.deleteIfExists(output(name)); // once the export writes covers, it is there
        Files.createSymbolicLink(output(name), output(THUMB));
        try {
            mvc.perform(get("/files/" + name)).andExpect(status().isNotFound());
        }
        finally {
            Files.delete(output(name));
        }
    }

    @Test
    void servesADigestsCoverOnceTheDigestIsRecorded() throws Exception {
        String stem = "digest-2026-12-06-run-5";
        TestCovers.write(ServedFolder.output(work), stem);
        mvc.perform(get("/files/" + stem + ".cover.jpg")).andExpect(status().isNotFound());
        editions.record(5, ServedFolder.output(work), stem, "Nightly digest, 6 December 2026", 2, List.of("epub"));
        mvc.perform(get("/files/" + stem + ".cover.jpg"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/jpeg"));
        mvc.perform(get("/files/" + stem + ".thumb.jpg")).andExpect(status().isOk());
    }

    private static void assertNotAFile(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.ISO_8859_1);
        assertThat(body).doesNotContain("H:2,")
            .doesNotContain("%PDF-")
            .doesNotContain("root:")
            .doesNotContain("half a file");
        assertThat(response.getContentType()).isNotIn("application/pdf", "application/epub+zip",
                "application/octet-stream", "image/jpeg");
    }

}
