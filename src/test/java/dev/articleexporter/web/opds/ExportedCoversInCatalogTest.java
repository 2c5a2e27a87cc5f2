package dev.articleexporter.web.opds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Cover;
import dev.articleexporter.web.opds.CatalogClient.Response;
import dev.articleexporter.web.opds.OpdsAssert.FeedDoc;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * A real export's own covers, nothing made by the test: every article it wrote has a
 * cover and a thumbnail in both catalogs, and they are the JPEGs the links describe.
 */
class ExportedCoversInCatalogTest {

    @TempDir
    Path work;

    @Test
    void everyExportedArticleShowsItsCoverInBothCatalogs() throws Exception {
        CatalogFixture fixture = CatalogFixture.export(work, List.of("briefs.json", "iraq-coalition.json"), Map.of());
        CatalogClient client = fixture.client(50, "");
        Response atom = client.get("/opds/new");
        FeedDoc feed = OpdsAssert.assertValidFeed(atom.body(), atom.contentType());
        assertThat(feed.entries()).hasSize(3);
        for (Element entry : feed.entries()) {
            Element image = OpdsCatalogTest.link(entry, OpdsTypes.REL_IMAGE, Cover.MEDIA_TYPE);
            Element thumbnail = OpdsCatalogTest.link(entry, OpdsTypes.REL_THUMBNAIL, Cover.MEDIA_TYPE);
            assertThat(client.file(CatalogClient.resolve(client.root(), image.getAttribute("href")))).isRegularFile();
            assertThat(client.file(CatalogClient.resolve(client.root(), thumbnail.getAttribute("href"))))
                .isRegularFile();
        }
        Response json = client.get("/opds/v2/new");
        JsonNode publications = Opds2Assert.assertValidFeed(json.body(), json.contentType()).path("publications");
        assertThat(publications.size()).isEqualTo(3);
        for (JsonNode publication : publications) {
            JsonNode images = publication.path("images");
            assertThat(images.size()).as("cover and thumbnail of %s", publication.path("metadata")).isEqualTo(2);
            for (JsonNode image : images) {
                Path file = client.file(CatalogClient.resolve(client.root(), image.path("href").asString()));
                BufferedImage read = ImageIO.read(file.toFile());
                assertThat(read.getWidth()).isEqualTo(image.path("width").asInt());
                assertThat(read.getHeight()).isEqualTo(image.path("height").asInt());
            }
            // the cover at the size the stores ask for, then a small thumbnail
            assertThat(images.get(0).path("width").asInt()).isEqualTo(1600);
            assertThat(images.get(0).path("height").asInt()).isEqualTo(2560);
            assertThat(images.get(1).path("width").asInt()).isLessThan(400);
        }
    }

}
