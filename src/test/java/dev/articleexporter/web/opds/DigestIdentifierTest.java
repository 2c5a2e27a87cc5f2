package dev.articleexporter.web.opds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.articleexporter.render.epub.EpubCheckAssert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog entry of a nightly digest carries the identifier of the very EPUB it links
 * to, so an e-reader that already has the book recognises it (they differed: the entry
 * named the digest's stem as if it were an article).
 */
class DigestIdentifierTest {

    @TempDir
    Path work;

    @Test
    void theDigestsEntryIdIsItsEpubsIdentifier() throws Exception {
        CatalogFixture fixture = CatalogFixture.export(work, List.of("briefs.json", "iraq-coalition.json"), Map.of(),
                "--digest");
        String feed = fixture.mvc(20)
            .perform(get("/opds/digests"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        String entry = feed.substring(feed.indexOf("<entry"));
        Matcher entryId = Pattern.compile("<id>([^<]+)</id>").matcher(entry);
        assertThat(entryId.find()).as(feed).isTrue();

        Path epub;
        try (var files = Files.list(fixture.output())) {
            epub = files.filter(f -> f.getFileName().toString().matches("digest-.*\\.epub")).findFirst().orElseThrow();
        }
        String opf;
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            opf = new String(zip.getInputStream(zip.getEntry("OEBPS/content.opf")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        Matcher bookId = Pattern.compile("<dc:identifier[^>]*>([^<]+)</dc:identifier>").matcher(opf);
        assertThat(bookId.find()).as(opf).isTrue();

        assertThat(entryId.group(1)).isEqualTo(bookId.group(1));
        EpubCheckAssert.assertValid(epub);
    }

}
