package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.CatalogFixture.HARBOUR;
import static dev.articleexporter.web.opds.CatalogFixture.REFINANCE;
import static dev.articleexporter.web.opds.OpdsAssert.ATOM;
import static dev.articleexporter.web.opds.OpdsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Cover;
import dev.articleexporter.web.TestCovers;
import dev.articleexporter.web.opds.CatalogClient.Response;
import dev.articleexporter.web.opds.OpdsAssert.FeedDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Covers in the OPDS 1.2 catalog: each article and digest entry links its cover
 * ({@code http://opds-spec.org/image}) and thumbnail
 * ({@code http://opds-spec.org/image/thumbnail}) when their files are there, and has no
 * image links when they are not (exported before covers existed).
 */
class OpdsCoverLinksTest {

    static final String DIGEST = "digest-2026-12-06-run-5";

    @TempDir
    static Path work;

    static CatalogFixture fixture;
    static CatalogClient client;

    @BeforeAll
    static void history() throws Exception {
        fixture = CatalogFixture.export(work, List.of("briefs.json"), Map.of());
        TestCovers.write(fixture.output(), HARBOUR);
        TestCovers.remove(fixture.output(), REFINANCE);
        fixture.edition(5, DIGEST, "Nightly digest, 6 December 2026", 2, HARBOUR);
        TestCovers.write(fixture.output(), DIGEST);
        client = fixture.client(50, "");
    }

    static FeedDoc feed(String address) throws Exception {
        Response response = client.get(address);
        assertThat(response.status()).as("GET %s", address).isEqualTo(200);
        return OpdsAssert.assertValidFeed(response.body(), response.contentType());
    }

    static Element entry(FeedDoc feed, String title) {
        return OpdsCatalogTest.entryTitled(feed, title);
    }

    static void assertCoverLinks(Element entry, String stem) {
        Element image = OpdsCatalogTest.link(entry, OpdsTypes.REL_IMAGE, Cover.MEDIA_TYPE);
        Element thumbnail = OpdsCatalogTest.link(entry, OpdsTypes.REL_THUMBNAIL, Cover.MEDIA_TYPE);
        assertThat(image.getAttribute("href")).isEqualTo("/files/" + Cover.fileName(stem));
        assertThat(thumbnail.getAttribute("href")).isEqualTo("/files/" + Cover.thumbnailName(stem));
        assertThat(client.file(CatalogClient.resolve(client.root(), image.getAttribute("href")))).isRegularFile();
        assertThat(client.file(CatalogClient.resolve(client.root(), thumbnail.getAttribute("href")))).isRegularFile();
    }

    @Test
    void articleEntriesLinkTheirCoverAndThumbnailWhenTheFilesAreThere() throws Exception {
        FeedDoc newest = feed("/opds/new");
        assertCoverLinks(entry(newest, "Five Harbour Towns to Visit in Winter"), HARBOUR);
        Element refinance = entry(newest, "Three Questions Before You Refinance");
        assertThat(FeedDoc.links(refinance, OpdsTypes.REL_IMAGE)).isEmpty();
        assertThat(FeedDoc.links(refinance, OpdsTypes.REL_THUMBNAIL)).isEmpty();
        // and in the complete entry
        Response complete = client.get("/opds/entries/" + HARBOUR);
        Element alone = OpdsAssert.assertValidEntryDocument(complete.body(), complete.contentType());
        assertCoverLinks(alone, HARBOUR);
    }

    @Test
    void digestEntriesLinkTheirCoverAndThumbnail() throws Exception {
        FeedDoc digests = feed("/opds/digests");
        Element digest = entry(digests, "Nightly digest, 6 December 2026");
        assertThat(text(digest, ATOM, "id")).isEqualTo(dev.articleexporter.model.BookIdentifier.digest(DIGEST));
        assertCoverLinks(digest, DIGEST);
    }

    @Test
    void aCoverWithoutItsThumbnailIsLinkedAlone() throws Exception {
        Path thumb = fixture.output().resolve(Cover.thumbnailName(HARBOUR));
        Path aside = work.resolve("aside.jpg");
        Files.move(thumb, aside);
        try {
            Element harbour = entry(feed("/opds/new"), "Five Harbour Towns to Visit in Winter");
            assertThat(FeedDoc.links(harbour, OpdsTypes.REL_IMAGE)).hasSize(1);
            assertThat(FeedDoc.links(harbour, OpdsTypes.REL_THUMBNAIL)).isEmpty();
        }
        finally {
            Files.move(aside, thumb);
        }
    }

    @Test
    void aFileNamedAsACoverThatIsNotAJpegIsNotLinked() throws Exception {
        Path cover = fixture.output().resolve(Cover.fileName(REFINANCE));
        Files.writeString(cover, "<svg/>");
        try {
            Element refinance = entry(feed("/opds/new"), "Three Questions Before You Refinance");
            assertThat(FeedDoc.links(refinance, OpdsTypes.REL_IMAGE)).isEmpty();
        }
        finally {
            Files.delete(cover);
        }
    }

    @Test
    void theRootLinksTheOpds2Catalog() throws Exception {
        FeedDoc root = feed("/opds");
        Element alternate = OpdsCatalogTest.link(root.feed(), "alternate", OpdsTypes.OPDS2);
        assertThat(alternate.getAttribute("href")).isEqualTo("/opds/v2");
        assertThat(client.get("/opds/v2").contentType()).startsWith(OpdsTypes.OPDS2);
    }

}
