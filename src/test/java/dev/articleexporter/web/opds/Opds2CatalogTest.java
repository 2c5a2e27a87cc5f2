package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.CatalogFixture.HARBOUR;
import static dev.articleexporter.web.opds.CatalogFixture.IRAQ;
import static dev.articleexporter.web.opds.CatalogFixture.REFINANCE;
import static dev.articleexporter.web.opds.Opds2Assert.href;
import static dev.articleexporter.web.opds.Opds2Assert.links;
import static dev.articleexporter.web.opds.OpdsAssert.ATOM;
import static dev.articleexporter.web.opds.OpdsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.history.Library.LibraryEntry;
import dev.articleexporter.model.BookIdentifier;
import dev.articleexporter.web.TestCovers;
import dev.articleexporter.web.opds.CatalogClient.Response;
import dev.articleexporter.web.opds.OpdsAssert.FeedDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The OPDS 2.0 catalog ({@code /opds/v2}) over a history of real exports: valid against
 * the official schemas, the same feeds and entries as the OPDS 1.2 one, covers included,
 * and every link resolving.
 */
class Opds2CatalogTest {

    static final int PAGE = 2;

    static final String DIGEST = "digest-2026-12-06-run-5";

    @TempDir
    static Path work;

    static CatalogFixture fixture;
    static CatalogClient client;

    @BeforeAll
    static void history() throws Exception {
        String desk = """
                [
                  {"id": "percent-brief", "title": "Rates Rise Again", "site": "Example Money", "author": "Ada Lovelace",
                   "section": "Ünïcødé 100%", "language": "de", "publishedAt": "2026-11-21", "intro": "Zinsen steigen."}
                ]
                """;
        fixture = CatalogFixture.export(work, List.of("briefs.json", "iraq-coalition.json"), Map.of("desk.json", desk));
        Path output = fixture.output();
        // Covers as the export writes them; the refinance article was exported before
        // covers existed.
        for (String stem : List.of(IRAQ, HARBOUR, "percent-brief")) {
            TestCovers.write(output, stem);
        }
        TestCovers.remove(output, REFINANCE);
        fixture.edition(5, DIGEST, "Nightly digest, 6 December 2026", 4, IRAQ);
        TestCovers.write(output, DIGEST);
        client = fixture.client(PAGE, "");
    }

    static JsonNode feed(String address) throws Exception {
        Response response = client.get(address);
        assertThat(response.status()).as("GET %s: %s", address, response.text()).isEqualTo(200);
        return Opds2Assert.assertValidFeed(response.body(), response.contentType());
    }

    static FeedDoc atom(String address) throws Exception {
        Response response = client.get(address);
        assertThat(response.status()).as("GET %s", address).isEqualTo(200);
        return OpdsAssert.assertValidFeed(response.body(), response.contentType());
    }

    static JsonNode publication(JsonNode feed, String identifier) {
        for (JsonNode p : feed.path("publications")) {
            if (p.path("metadata").path("identifier").asString().equals(identifier)) {
                return p;
            }
        }
        throw new AssertionError("no publication " + identifier + " in " + feed);
    }

    @Test
    void theRootNavigatesLikeTheOpds12RootAndLinksBack() throws Exception {
        JsonNode root = feed("/opds/v2");
        FeedDoc atom = atom("/opds");
        assertThat(root.path("metadata").path("title").asString()).isEqualTo(atom.title());
        List<String> titles = new ArrayList<>();
        for (JsonNode link : root.path("navigation")) {
            titles.add(link.path("title").asString());
            assertThat(link.path("type").asString()).isEqualTo(OpdsTypes.OPDS2);
            Element twin = OpdsCatalogTest.entryTitled(atom, link.path("title").asString());
            Element atomLink = children(twin).getFirst();
            assertThat(link.path("rel").asString()).isEqualTo(atomLink.getAttribute("rel"));
            assertThat(link.path("href").asString())
                .isEqualTo(atomLink.getAttribute("href").replace("/opds", "/opds/v2"));
        }
        assertThat(titles).containsExactly("Newest", "By section", "Digests");
        JsonNode links = root.path("links");
        assertThat(href(links, "self")).isEqualTo("/opds/v2");
        assertThat(href(links, "start")).isEqualTo("/opds/v2");
        JsonNode search = links(links, "search").getFirst();
        assertThat(search.path("href").asString()).isEqualTo("/opds/v2/search{?query}");
        assertThat(search.path("templated").asBoolean()).isTrue();
        assertThat(search.path("type").asString()).isEqualTo(OpdsTypes.OPDS2);
        // Each root names the other catalog.
        JsonNode back = links(links, "alternate").getFirst();
        assertThat(back.path("href").asString()).isEqualTo("/opds");
        assertThat(back.path("type").asString()).isEqualTo(OpdsTypes.NAVIGATION);
        Element alternate = OpdsCatalogTest.link(atom.feed(), "alternate", OpdsTypes.OPDS2);
        assertThat(alternate.getAttribute("href")).isEqualTo("/opds/v2");
        assertThat(feed("/opds/v2/").path("navigation").size()).isEqualTo(3);
    }

    private static List<Element> children(Element entry) {
        return OpdsAssert.children(entry, ATOM, "link");
    }

    /**
     * Every feed of the 1.2 catalog and its 2.0 twin: the same title, entries (by id, in
     * order) and paging.
     */
    @Test
    void everyFeedListsTheSameEntriesAsItsOpds12Twin() throws Exception {
        for (String path : List.of("/new", "/new?page=2", "/sections", "/sections/Travel",
                "/sections/Personal%20Finance", "/sections/%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20100%25", "/digests",
                "/search?q=harbour|/search?query=harbour", "/search?q=zzz|/search?query=zzz")) {
            String[] both = path.split("\\|");
            FeedDoc atom = atom("/opds" + both[0]);
            JsonNode json = feed("/opds/v2" + (both.length > 1 ? both[1] : both[0]));
            JsonNode metadata = json.path("metadata");
            assertThat(metadata.path("title").asString()).as(path).isEqualTo(atom.title());
            assertThat(metadata.path("identifier").asString()).isEqualTo(text(atom.feed(), ATOM, "id"));
            List<String> atomIds = atom.entries().stream().map(e -> text(e, ATOM, "id")).toList();
            List<String> atomTitles = atom.entries().stream().map(e -> text(e, ATOM, "title")).toList();
            if (atom.kind().equals("navigation")) {
                List<String> titles = new ArrayList<>();
                json.path("navigation").forEach(l -> titles.add(l.path("title").asString()));
                assertThat(titles).as(path).isEqualTo(atomTitles);
            }
            else {
                List<String> ids = new ArrayList<>();
                json.path("publications").forEach(p -> ids.add(p.path("metadata").path("identifier").asString()));
                assertThat(ids).as(path).isEqualTo(atomIds);
                assertThat(metadata.path("numberOfItems").asLong()).isEqualTo(atom.openSearch("totalResults"));
                assertThat(metadata.path("itemsPerPage").asLong()).isEqualTo(atom.openSearch("itemsPerPage"));
            }
        }
    }

    @Test
    void publicationsCarryTheirMetadataFilesAndCovers() throws Exception {
        JsonNode politics = feed("/opds/v2/sections/Politics");
        LibraryEntry iraq = fixture.library().find(fixture.output(), IRAQ).orElseThrow();
        JsonNode p = publication(politics, BookIdentifier.article(IRAQ));
        JsonNode metadata = p.path("metadata");
        assertThat(metadata.path("@type").asString()).isEqualTo("http://schema.org/Book");
        assertThat(metadata.path("title").asString()).isEqualTo(iraq.title());
        assertThat(metadata.path("author").asString()).isEqualTo("The Stock Dork");
        assertThat(metadata.path("publisher").asString()).isEqualTo("The Stock Dork");
        assertThat(metadata.path("language").asString()).isEqualTo("en");
        assertThat(metadata.path("subject").asString()).isEqualTo("Politics");
        assertThat(metadata.path("description").asString()).isEqualTo(iraq.summary()).isNotBlank();
        assertThat(metadata.path("modified").asString()).isEqualTo(AtomWriter.timestamp(iraq.rendered()));
        assertThat(metadata.has("published")).isFalse(); // the sample has no date
        assertThat(fixture.library().count(fixture.output(), dev.articleexporter.history.Library.Filter.ALL))
            .isEqualTo(4);

        assertThat(href(p.path("links"), "self")).isEqualTo("/opds/v2/entries/" + IRAQ);
        List<JsonNode> acquisitions = links(p.path("links"), OpdsTypes.REL_ACQUISITION);
        assertThat(acquisitions).extracting(l -> l.path("type").asString())
            .containsExactly(OpdsTypes.EPUB, OpdsTypes.PDF);
        assertThat(acquisitions.getFirst().path("href").asString()).isEqualTo("/files/" + IRAQ + ".epub");
        assertThat(acquisitions.getFirst().path("size").asLong())
            .isEqualTo(Files.size(fixture.output().resolve(IRAQ + ".epub")));

        // The cover first, then its thumbnail, with their real sizes.
        JsonNode images = p.path("images");
        assertThat(images.size()).isEqualTo(2);
        assertThat(images.get(0).path("href").asString()).isEqualTo("/files/" + IRAQ + ".cover.jpg");
        assertThat(images.get(0).path("width").asInt()).isEqualTo(TestCovers.WIDTH);
        assertThat(images.get(0).path("height").asInt()).isEqualTo(TestCovers.HEIGHT);
        assertThat(images.get(1).path("href").asString()).isEqualTo("/files/" + IRAQ + ".thumb.jpg");
        assertThat(images.get(1).path("width").asInt()).isEqualTo(TestCovers.THUMB_WIDTH);
        assertThat(images.get(1).path("height").asInt()).isEqualTo(TestCovers.THUMB_HEIGHT);

        JsonNode harbour = publication(feed("/opds/v2/sections/Travel"), BookIdentifier.article(HARBOUR));
        assertThat(harbour.path("metadata").path("published").asString()).isEqualTo("2026-11-20T07:30:00Z");
        assertThat(harbour.path("metadata").path("author").asString()).isEqualTo("Travel Desk Staff");
        assertThat(harbour.path("metadata").path("publisher").asString()).isEqualTo("Example Travel Desk");
        JsonNode percent = publication(feed("/opds/v2/search?query=Zinsen"), BookIdentifier.article("percent-brief"));
        assertThat(percent.path("metadata").path("language").asString()).isEqualTo("de");
        assertThat(percent.path("metadata").path("published").asString()).isEqualTo("2026-11-21");

        // Exported before covers existed: no images at all, rather than an empty list.
        JsonNode refinance = publication(feed("/opds/v2/sections/Personal%20Finance"),
                BookIdentifier.article(REFINANCE));
        assertThat(refinance.has("images")).isFalse();
    }

    @Test
    void digestsArePublicationIssuesWithTheirCovers() throws Exception {
        JsonNode digests = feed("/opds/v2/digests");
        JsonNode digest = publication(digests, BookIdentifier.digest(DIGEST));
        assertThat(digest.path("metadata").path("@type").asString()).isEqualTo("http://schema.org/PublicationIssue");
        assertThat(digest.path("metadata").path("title").asString()).isEqualTo("Nightly digest, 6 December 2026");
        assertThat(digest.path("metadata").path("description").asString()).isEqualTo("A digest of 4 articles.");
        assertThat(links(digest.path("links"), OpdsTypes.REL_ACQUISITION)).hasSize(2);
        // no entry document of its own, as in OPDS 1.2
        assertThat(links(digest.path("links"), "self")).isEmpty();
        assertThat(digest.path("images").get(0).path("href").asString()).isEqualTo("/files/" + DIGEST + ".cover.jpg");
        assertThat(digest.path("images").get(1).path("href").asString()).isEqualTo("/files/" + DIGEST + ".thumb.jpg");
    }

    @Test
    void anArticlesPublicationStandsAlone() throws Exception {
        Response response = client.get("/opds/v2/entries/" + IRAQ);
        assertThat(response.status()).isEqualTo(200);
        JsonNode alone = Opds2Assert.assertValidPublication(response.body(), response.contentType());
        JsonNode inFeed = publication(feed("/opds/v2/sections/Politics"), BookIdentifier.article(IRAQ));
        assertThat(alone).isEqualTo(inFeed);
        assertThat(client.get("/opds/v2/entries/no-such-article").status()).isEqualTo(404);
    }

    @Test
    void searchFollowsItsTemplateAndRefusesWhatTheOpds12OneRefuses() throws Exception {
        String template = links(feed("/opds/v2").path("links"), "search").getFirst().path("href").asString();
        JsonNode found = feed(template.replace("{?query}", "?query=Geneva%20OR%20harbour"));
        assertThat(found.path("metadata").path("numberOfItems").asLong()).isZero();
        JsonNode harbour = feed(template.replace("{?query}", "?query=harbour"));
        assertThat(harbour.path("publications").size()).isEqualTo(1);
        assertThat(href(harbour.path("links"), "self")).isEqualTo("/opds/v2/search?query=harbour");
        // the 1.2 catalog's parameter too
        assertThat(feed("/opds/v2/search?q=harbour").path("publications")).isEqualTo(harbour.path("publications"));
        assertThat(client.get("/opds/v2/search").status()).isEqualTo(400);
        assertThat(client.get("/opds/v2/search?query=%20").status()).isEqualTo(400);
        assertThat(client.get("/opds/v2/search?query=" + "x".repeat(201)).status()).isEqualTo(400);
        assertThat(client.get("/opds/v2/new?page=0").status()).isEqualTo(400);
        assertThat(client.get("/opds/v2/new?page=3").status()).isEqualTo(404);
        assertThat(client.get("/opds/v2/sections/Sport").status()).isEqualTo(404);
    }

    @Test
    void everyLinkResolvesWithTheTypeItAnnounces() throws Exception {
        Set<String> reached = Opds2Assert.crawl(client);
        assertThat(reached).contains("/opds/v2/new?page=2", "/opds/v2/sections/Travel", "/opds/v2/digests",
                "/opds/v2/entries/" + IRAQ, "/files/" + IRAQ + ".cover.jpg", "/files/" + DIGEST + ".thumb.jpg",
                "/opds");
    }

    @Test
    void worksBehindAContextPath() throws Exception {
        CatalogClient behind = fixture.client(PAGE, "/exporter");
        Response root = behind.get("/exporter/opds/v2");
        JsonNode feed = Opds2Assert.assertValidFeed(root.body(), root.contentType());
        assertThat(href(feed.path("links"), "self")).isEqualTo("/exporter/opds/v2");
        assertThat(Opds2Assert.crawl(behind)).contains("/exporter/opds/v2/digests",
                "/exporter/files/" + IRAQ + ".thumb.jpg");
    }

    @Test
    void anEmptyFolderHasValidFeedsThatLeadBack() throws Exception {
        Path empty = work.resolve("never-exported");
        OpdsCatalog catalog = new OpdsCatalog(fixture.library(), fixture.editions(), CatalogFixture.FORMATS, empty,
                PAGE);
        CatalogClient none = new CatalogClient(MockMvcBuilders.standaloneSetup(new Opds2Controller(catalog)).build(),
                empty, "");
        for (String address : List.of("/opds/v2", "/opds/v2/new", "/opds/v2/sections", "/opds/v2/digests",
                "/opds/v2/search?query=harbour")) {
            Response response = none.get(address);
            assertThat(response.status()).as(address).isEqualTo(200);
            JsonNode feed = Opds2Assert.assertValidFeed(response.body(), response.contentType());
            if (!address.equals("/opds/v2")) {
                assertThat(feed.has("publications")).isFalse();
                assertThat(feed.path("navigation").get(0).path("href").asString()).isIn("/opds/v2");
            }
        }
    }

    /** The schemas are loaded and strict: what they must refuse, they do. */
    @Test
    void theSchemasRefuseWhatIsNotOpds2() {
        String self = "{\"rel\": \"self\", \"href\": \"/opds/v2\", \"type\": \"application/opds+json\"}";
        String book = """
                {"metadata": {"title": "T", "language": "%s"}, "links": [%s]}""";
        String acquisition = "{\"rel\": \"http://opds-spec.org/acquisition\", \"href\": \"/files/a.epub\", \"type\": \"application/epub+zip\"}";
        assertThat(Opds2Assert.schemaErrors(Opds2Assert.FEED, "{\"metadata\": {\"title\": \"T\"}, \"links\": [" + self
                + "], \"publications\": [" + book.formatted("en", acquisition) + "]}"))
            .isEmpty();
        // no self link; an empty publications list; no title
        assertThat(Opds2Assert.schemaErrors(Opds2Assert.FEED,
                "{\"metadata\": {\"title\": \"T\"}, \"links\": [{\"rel\": \"start\", \"href\": \"/\"}],"
                        + " \"navigation\": [{\"href\": \"/a\", \"title\": \"A\"}]}"))
            .isNotEmpty();
        assertThat(Opds2Assert.schemaErrors(Opds2Assert.FEED,
                "{\"metadata\": {\"title\": \"T\"}, \"links\": [" + self + "], \"publications\": []}"))
            .isNotEmpty();
        // a publication without an acquisition link, or with a language that is not BCP
        // 47
        assertThat(Opds2Assert.schemaErrors(Opds2Assert.PUBLICATION, book.formatted("en", self))).isNotEmpty();
        assertThat(Opds2Assert.schemaErrors(Opds2Assert.PUBLICATION, book.formatted("English!", acquisition)))
            .isNotEmpty();
        // a date that is not one (format assertions are on)
        assertThat(Opds2Assert.schemaErrors(Opds2Assert.PUBLICATION,
                "{\"metadata\": {\"title\": \"T\", \"modified\": \"yesterday\"}, \"links\": [" + acquisition + "]}"))
            .isNotEmpty();
    }

}
