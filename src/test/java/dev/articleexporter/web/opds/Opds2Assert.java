package dev.articleexporter.web.opds;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.articleexporter.web.opds.CatalogClient.Response;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks OPDS 2.0 documents the way a strict client would: valid against the official
 * JSON Schemas (OPDS drafts and the Readium Web Publication Manifest, copied under
 * {@code src/test/resources/opds2/}, format assertions on), and the rules the schemas do
 * not express (self links, types on every link, paging that agrees with itself).
 */
final class Opds2Assert {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder
                .schemaIdResolvers(
                        resolvers -> resolvers.mapPrefix("https://drafts.opds.io/schema/", "classpath:opds2/opds/")
                            .mapPrefix("https://readium.org/webpub-manifest/schema/", "classpath:opds2/readium/"))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static final Schema FEED = SCHEMAS.getSchema(SchemaLocation.of("https://drafts.opds.io/schema/feed.schema.json"));

    static final Schema PUBLICATION = SCHEMAS
        .getSchema(SchemaLocation.of("https://drafts.opds.io/schema/publication.schema.json"));

    private Opds2Assert() {
    }

    /** The schema's complaints about a document; none when it is valid. */
    static List<String> schemaErrors(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /** Everything a feed must be; returns it parsed. */
    static JsonNode assertValidFeed(byte[] body, String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(OpdsTypes.OPDS2);
        String json = new String(body, StandardCharsets.UTF_8);
        assertThat(schemaErrors(FEED, json)).as("feed schema: %s", json).isEmpty();
        JsonNode feed = JSON.readTree(json);
        assertThat(links(feed.path("links"), "self")).as("one self link").hasSize(1);
        assertThat(links(feed.path("links"), "self").getFirst().path("type").asString()).isEqualTo(OpdsTypes.OPDS2);
        assertThat(links(feed.path("links"), "start")).as("one start link").hasSize(1);
        assertDateTime(feed.path("metadata").path("modified").asString());
        for (JsonNode link : all(feed)) {
            assertThat(link.path("type").asString()).as("every link says what it leads to: %s", link).isNotBlank();
        }
        for (JsonNode publication : feed.path("publications")) {
            assertPublication(publication);
        }
        assertPaging(feed);
        return feed;
    }

    /** A publication on its own. */
    static JsonNode assertValidPublication(byte[] body, String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo(OpdsTypes.OPDS2_PUBLICATION);
        String json = new String(body, StandardCharsets.UTF_8);
        assertThat(schemaErrors(PUBLICATION, json)).as("publication schema: %s", json).isEmpty();
        JsonNode publication = JSON.readTree(json);
        assertPublication(publication);
        return publication;
    }

    private static void assertPublication(JsonNode publication) {
        JsonNode metadata = publication.path("metadata");
        assertThat(metadata.path("identifier").asString()).startsWith("urn:uuid:");
        assertThat(metadata.path("@type").asString()).startsWith("http://schema.org/");
        assertDateTime(metadata.path("modified").asString());
        // "should" have one (OPDS 2.0, 5.1): articles do, digests have no document of
        // their own (nor in OPDS 1.2)
        assertThat(links(publication.path("links"), "self")).as("publication's self link")
            .hasSizeLessThanOrEqualTo(1)
            .allSatisfy(l -> assertThat(l.path("type").asString()).isEqualTo(OpdsTypes.OPDS2_PUBLICATION));
        assertThat(links(publication.path("links"), OpdsTypes.REL_ACQUISITION)).isNotEmpty();
        for (JsonNode image : publication.path("images")) {
            assertThat(image.path("type").asString()).isEqualTo("image/jpeg");
            assertThat(image.path("width").asInt()).isPositive();
            assertThat(image.path("height").asInt()).isPositive();
        }
    }

    /** numberOfItems, itemsPerPage, currentPage and first/previous/next/last agree. */
    private static void assertPaging(JsonNode feed) {
        JsonNode metadata = feed.path("metadata");
        JsonNode links = feed.path("links");
        if (!metadata.has("numberOfItems")) {
            assertThat(links(links, "first")).isEmpty();
            return;
        }
        long total = metadata.path("numberOfItems").asLong();
        long perPage = metadata.path("itemsPerPage").asLong();
        long page = metadata.path("currentPage").asLong();
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        assertThat(page).isBetween(1L, pages);
        assertThat(feed.path("publications").size()).isLessThanOrEqualTo((int) perPage);
        assertThat(pageOf(href(links, "self"))).isEqualTo(page);
        assertThat(pageOf(href(links, "first"))).isEqualTo(1);
        assertThat(pageOf(href(links, "last"))).isEqualTo(pages);
        assertThat(links(links, "previous")).hasSize(page > 1 ? 1 : 0);
        assertThat(links(links, "next")).hasSize(page < pages ? 1 : 0);
        if (page < pages) {
            assertThat(pageOf(href(links, "next"))).isEqualTo(page + 1);
        }
    }

    static long pageOf(String href) {
        String page = UriComponentsBuilder.fromUriString(href).build().getQueryParams().getFirst("page");
        return page == null ? 1 : Long.parseLong(page);
    }

    /** The links of a collection with this relation. */
    static List<JsonNode> links(JsonNode collection, String rel) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode link : collection) {
            if (rel.equals(link.path("rel").asString(""))) {
                found.add(link);
            }
        }
        return found;
    }

    /** The href of the one link with this relation. */
    static String href(JsonNode collection, String rel) {
        List<JsonNode> found = links(collection, rel);
        assertThat(found).as("one %s link", rel).hasSize(1);
        return found.getFirst().path("href").asString();
    }

    /** Every Link Object of a feed: its links, navigation, and its publications'. */
    static List<JsonNode> all(JsonNode feed) {
        List<JsonNode> links = new ArrayList<>();
        feed.path("links").forEach(links::add);
        feed.path("navigation").forEach(links::add);
        for (JsonNode publication : feed.path("publications")) {
            publication.path("links").forEach(links::add);
            publication.path("images").forEach(links::add);
        }
        return links;
    }

    static void assertDateTime(String value) {
        assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
        OffsetDateTime.parse(value);
    }

    static JsonNode parse(byte[] body) {
        return JSON.readTree(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Follows every link from the OPDS 2 root; fails on one that does not resolve to what
     * its type says, or an image whose size is not the one announced. Returns the paths
     * (and queries) reached.
     */
    static Set<String> crawl(CatalogClient client) throws Exception {
        Deque<JsonNode> queue = new ArrayDeque<>();
        Deque<String> from = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        String root = CatalogClient.HOST + client.contextPath() + "/opds/v2";
        Response first = client.get(root);
        queue.addAll(all(assertValidFeed(first.body(), first.contentType())));
        queue.forEach(l -> from.add(root));
        seen.add(client.contextPath() + "/opds/v2");
        while (!queue.isEmpty()) {
            JsonNode link = queue.poll();
            String base = from.poll();
            String type = link.path("type").asString();
            String address = CatalogClient.resolve(base, link.path("href").asString().replace("{?query}", "?query=a"));
            URI uri = URI.create(address);
            if (!seen.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))) {
                continue;
            }
            assertThat(seen).hasSizeLessThan(500);
            assertThat(uri.getRawPath()).startsWith(client.contextPath() + "/");
            if (client.isFile(address)) {
                Path file = client.file(address);
                if (type.equals("image/jpeg")) {
                    BufferedImage image = ImageIO.read(file.toFile());
                    assertThat(image).as("a JPEG: %s", file).isNotNull();
                    assertThat(image.getWidth()).isEqualTo(link.path("width").asInt());
                    assertThat(image.getHeight()).isEqualTo(link.path("height").asInt());
                }
                else {
                    assertThat(type).isEqualTo(file.toString().endsWith(".epub") ? OpdsTypes.EPUB : OpdsTypes.PDF);
                }
                continue;
            }
            Response response = client.get(address);
            assertThat(response.status()).as("GET %s", address).isEqualTo(200);
            // the OPDS 1.2 catalog: OpdsCatalogTest crawls it
            if (type.equals(OpdsTypes.NAVIGATION)) {
                OpdsAssert.assertValidFeed(response.body(), response.contentType());
                continue;
            }
            List<JsonNode> links = new ArrayList<>();
            if (type.equals(OpdsTypes.OPDS2_PUBLICATION)) {
                JsonNode publication = assertValidPublication(response.body(), response.contentType());
                publication.path("links").forEach(links::add);
                publication.path("images").forEach(links::add);
            }
            else {
                links.addAll(all(assertValidFeed(response.body(), response.contentType())));
            }
            assertThat(type).isIn(OpdsTypes.OPDS2, OpdsTypes.OPDS2_PUBLICATION);
            for (JsonNode next : links) {
                queue.add(next);
                from.add(address);
            }
        }
        return seen;
    }

}
