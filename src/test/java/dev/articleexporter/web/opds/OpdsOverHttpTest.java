package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsAssert.ATOM;
import static dev.articleexporter.web.opds.OpdsAssert.children;
import static dev.articleexporter.web.opds.OpdsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.web.ServedFolder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

/**
 * A reader app against the whole server on a real port: from {@code /opds}, by links
 * alone, to an EPUB downloaded through {@code /files/}, which EPUBCheck accepts and which
 * is the book the entry describes. (The other catalog tests drive the controller through
 * MockMvc.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false",
                "server.address=127.0.0.1" })
@DirtiesContext
class OpdsOverHttpTest {

    @TempDir
    static Path work;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void exported() throws Exception {
        ServedFolder.exportSamples(work, 0);
    }

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    @Test
    void aReaderWalksFromTheRootToAValidEpub() throws Exception {
        URI root = URI.create("http://127.0.0.1:" + port + "/opds");
        OpdsAssert.FeedDoc rootFeed = feed(root);
        Element newest = rootFeed.entries()
            .stream()
            .flatMap(e -> children(e, ATOM, "link").stream())
            .filter(l -> l.getAttribute("type").equals(OpdsTypes.ACQUISITION))
            .findFirst()
            .orElseThrow();
        URI newestAddress = root.resolve(newest.getAttribute("href"));
        OpdsAssert.FeedDoc books = feed(newestAddress);
        assertThat(books.entries()).isNotEmpty();

        Element entry = books.entries().getFirst();
        Element epubLink = children(entry, ATOM, "link").stream()
            .filter(l -> l.getAttribute("rel").equals(OpdsTypes.REL_ACQUISITION)
                    && l.getAttribute("type").equals(OpdsTypes.EPUB))
            .findFirst()
            .orElseThrow();
        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(newestAddress.resolve(epubLink.getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(OpdsTypes.EPUB);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat((long) download.body().length).isEqualTo(Long.parseLong(epubLink.getAttribute("length")));

        Path epub = work.resolve("downloaded.epub");
        Files.write(epub, download.body());
        EpubCheckAssert.assertValid(epub);
        String stem = epubLink.getAttribute("href").replaceAll(".*/files/", "").replace(".epub", "");
        assertThat(text(entry, ATOM, "id")).isEqualTo(dev.articleexporter.model.BookIdentifier.article(stem));
        try (var zip = new java.util.zip.ZipFile(epub.toFile())) {
            String opf = new String(zip.getInputStream(zip.getEntry("OEBPS/content.opf")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            // the very book the entry describes
            assertThat(opf).contains(dev.articleexporter.model.BookIdentifier.article(stem));
        }
    }

    private OpdsAssert.FeedDoc feed(URI address) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(address).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", address).isEqualTo(200);
        return OpdsAssert.assertValidFeed(response.body(), response.headers().firstValue("Content-Type").orElseThrow());
    }

}
