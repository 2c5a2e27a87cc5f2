package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsAssert.ATOM;
import static dev.articleexporter.web.opds.OpdsAssert.DC;
import static dev.articleexporter.web.opds.OpdsAssert.children;
import static dev.articleexporter.web.opds.OpdsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.history.Library.LibraryEntry;
import dev.articleexporter.web.opds.CatalogClient.Response;
import dev.articleexporter.web.opds.OpdsAssert.FeedDoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.UriUtils;
import org.w3c.dom.Element;

/**
 * Article data that tries to break the feeds: markup, entities, quotes, CDATA ends,
 * characters XML cannot hold, right-to-left text, odd section names, and rows that no
 * export would write. The feeds stay well-formed and schema-valid, the text comes back
 * exactly, and no path leaves the output folder.
 */
class OpdsHostileDataTest {

    static final String MARKUP_TITLE = "<script>alert(\"x\")</script> & 'single' \"double\" ]]> <!-- c --> &amp; bell";
    static final String MARKUP_SECTION = "<i>Sec</i> & \"Quotes\" / ..";
    static final String ARABIC_TITLE = "رئيس الوزراء العراقي يدعو إلى مغادرة التحالف";
    static final String HEBREW_SITE = "מערכת החדשות";

    /**
     * Characters XML 1.0 cannot hold, as only a database written by something else could
     * have them.
     */
    static final String BAD = new String(new char[] { 0, 1, 0x1F, 0xFFFE, 0xFFFF });

    /** Half of a surrogate pair: not even UTF-8 can hold it. */
    static final String LONE = new String(new char[] { 0xD800 });

    @TempDir
    static Path work;

    static CatalogFixture fixture;
    static CatalogClient client;

    @BeforeAll
    static void hostileHistory() throws Exception {
        // \\u0007 is the JSON escape of BEL: the reader removes it (with a warning)
        // before anything is written.
        String json = """
                [
                  {"id": "hostile-markup", "title": "<script>alert(\\"x\\")</script> & 'single' \\"double\\" ]]> <!-- c --> &amp; \\u0007bell",
                   "site": "<b>Site</b> & Co", "author": "O'Brien \\"The <Author>\\"", "section": "<i>Sec</i> & \\"Quotes\\" / ..",
                   "intro": "Summary <tags> & entities &lt; ]]> end."},
                  {"id": "rtl-article", "title": "رئيس الوزراء العراقي يدعو إلى مغادرة التحالف", "language": "ar",
                   "site": "מערכת החדשות", "section": "سياسة", "intro": "نص عربي قصير مع \\u200Fعلامة\\u202B embedding\\u202C."},
                  {"id": "dots", "title": "Dot section", "section": "..", "intro": "Two dots."}
                ]
                """;
        fixture = CatalogFixture.export(work, List.of(), Map.of("hostile.json", json));
        Path output = fixture.output();
        // A row with characters no export writes (the reader removes them), its files
        // copied from a real export.
        insert("raw-row", "Raw" + BAD + LONE + " title", "Raw" + BAD + "section", "Author" + BAD + LONE,
                "Summary" + LONE + BAD);
        insert("lone-row", "Lone", "Lone" + LONE, null, null);
        Files.copy(output.resolve("dots.epub"), output.resolve("lone-row.epub"));
        // no files: listed nowhere, but its section is counted
        insert("blank-row", "Blank section", "   ", null, null);
        Files.copy(output.resolve("dots.epub"), output.resolve("raw-row.epub"));
        // A row whose name would lead out of the output folder, with a file waiting
        // there.
        insert("../outside", "Escape attempt", "Escapes", null, null);
        Files.copy(output.resolve("dots.epub"), output.resolveSibling("outside.epub"));
        client = fixture.client(50, "");
    }

    private static void insert(String stem, String title, String section, String author, String summary) {
        fixture.jdbc()
            .sql("""
                    INSERT INTO EXPORTED_ARTICLE (JOB_EXECUTION_ID, JOB_INSTANCE_ID, ARTICLE_ID, FILE_STEM, FILE_STEM_KEY,
                        INPUT_ORIGIN, TITLE, SECTION, LANGUAGE, AUTHOR, SUMMARY, OUTPUT_FOLDER)
                    VALUES (1, 1, ?, ?, ?, 'elsewhere', ?, ?, 'en', ?, ?, ?)""")
            .params(stem, stem, stem, title, section, author, summary, fixture.output().toString())
            .update();
    }

    static FeedDoc feed(String address) throws Exception {
        Response response = client.get(address);
        assertThat(response.status()).as("GET %s", address).isEqualTo(200);
        assertThat(response.text()).doesNotContain("<script", "<b>", "<i>", "<tags>", "<!-- c", "<Author>");
        return OpdsAssert.assertValidFeed(response.body(), response.contentType());
    }

    static Map<String, Element> byId(FeedDoc feed) {
        return feed.entries().stream().collect(Collectors.toMap(e -> text(e, ATOM, "id"), e -> e));
    }

    static Element entry(FeedDoc feed, String stem) {
        Element entry = byId(feed).get(dev.articleexporter.model.BookIdentifier.article(stem));
        assertThat(entry).as("entry of %s", stem).isNotNull();
        return entry;
    }

    @Test
    void everyFeedAndLinkStaysValid() throws Exception {
        OpdsCatalogTest.Crawl crawl = OpdsCatalogTest.crawl(client);
        // 3 articles × 2 formats + the raw rows' EPUBs; nothing outside
        assertThat(crawl.files()).isEqualTo(8);
        assertThat(crawl.addresses()).noneMatch(a -> a.contains("outside"));
    }

    @Test
    void markupInTheDataComesBackAsTextExactly() throws Exception {
        Element entry = entry(feed("/opds/new"), "hostile-markup");
        assertThat(text(entry, ATOM, "title")).isEqualTo(MARKUP_TITLE);
        assertThat(text(children(entry, ATOM, "author").getFirst(), ATOM, "name"))
            .isEqualTo("O'Brien \"The <Author>\"");
        assertThat(text(entry, DC, "publisher")).isEqualTo("<b>Site</b> & Co");
        assertThat(children(entry, ATOM, "category").getFirst().getAttribute("term")).isEqualTo(MARKUP_SECTION);
        assertThat(text(entry, ATOM, "summary")).isEqualTo("Summary <tags> & entities &lt; ]]> end.");
        // And in a search for it, where the query itself is text in the feed's title.
        FeedDoc search = feed("/opds/search?q=" + UriUtils.encodeQueryParam("<script>", StandardCharsets.UTF_8));
        assertThat(search.title()).isEqualTo("Search: <script>");
        assertThat(search.entries()).extracting(e -> text(e, ATOM, "title")).containsExactly(MARKUP_TITLE);
    }

    @Test
    void rightToLeftTextIsKept() throws Exception {
        Element entry = entry(feed("/opds/new"), "rtl-article");
        assertThat(text(entry, ATOM, "title")).isEqualTo(ARABIC_TITLE);
        assertThat(text(entry, DC, "language")).isEqualTo("ar");
        assertThat(text(children(entry, ATOM, "author").getFirst(), ATOM, "name")).isEqualTo(HEBREW_SITE);
        assertThat(text(entry, ATOM, "summary")).isEqualTo("نص عربي قصير مع \u200Fعلامة\u202B embedding\u202C.");
    }

    @Test
    void charactersXmlCannotHoldAreLeftOut() throws Exception {
        // The database really holds them: the feed is what cleans them.
        LibraryEntry raw = fixture.library().find(fixture.output(), "raw-row").orElseThrow();
        assertThat(raw.title()).contains(BAD + LONE);
        Element entry = entry(feed("/opds/new"), "raw-row");
        assertThat(text(entry, ATOM, "title")).isEqualTo("Raw title");
        assertThat(text(entry, ATOM, "summary")).isEqualTo("Summary");
        assertThat(text(children(entry, ATOM, "author").getFirst(), ATOM, "name")).isEqualTo("Author");
        assertThat(children(entry, ATOM, "category").getFirst().getAttribute("term")).isEqualTo("Rawsection");
        // Only its EPUB exists.
        assertThat(FeedDoc.links(entry, OpdsTypes.REL_ACQUISITION)).extracting(l -> l.getAttribute("type"))
            .containsExactly(OpdsTypes.EPUB);
        // The reader removed BEL from the exported title, with a warning, before any
        // format saw it.
        assertThat(fixture.library().find(fixture.output(), "hostile-markup").orElseThrow().title())
            .isEqualTo(MARKUP_TITLE);
    }

    @Test
    void everySectionNameLeadsToItsArticles() throws Exception {
        FeedDoc sections = feed("/opds/sections");
        List<String> names = new ArrayList<>();
        for (Element entry : sections.entries()) {
            String name = text(entry, ATOM, "title");
            names.add(name);
            Element link = children(entry, ATOM, "link").getFirst();
            FeedDoc section = feed(CatalogClient.resolve(client.root(), link.getAttribute("href")));
            assertThat(section.title()).isEqualTo(name);
        }
        // Listed without the characters XML cannot hold, and still leading to its
        // article.
        assertThat(names).containsExactlyInAnyOrder(MARKUP_SECTION, "سياسة", "..", "Escapes", "Rawsection");
        // A name with a lone surrogate has no URL, a blank one would mean "any": not
        // listed; the article still is in the
        // other feeds.
        assertThat(fixture.library().sections(fixture.output())).extracting(s -> s.section())
            .contains("Lone" + LONE, "   ");
        assertThat(text(feed("/opds").entries().get(1), ATOM, "content")).isEqualTo("5 sections.");
        assertThat(entry(feed("/opds/new"), "lone-row")).isNotNull();
        FeedDoc dots = feed(CatalogClient.resolve(client.root(), children(
                sections.entries().stream().filter(e -> "..".equals(text(e, ATOM, "title"))).findFirst().orElseThrow(),
                ATOM, "link")
            .getFirst()
            .getAttribute("href")));
        assertThat(dots.entries()).extracting(e -> text(e, ATOM, "title")).containsExactly("Dot section");
        FeedDoc markup = feed(
                CatalogClient.resolve(client.root(), CatalogPaths.section(MARKUP_SECTION).transform(p -> "/opds" + p)));
        assertThat(markup.entries()).extracting(e -> text(e, ATOM, "title")).containsExactly(MARKUP_TITLE);
    }

    @Test
    void aNameLeadingOutOfTheFolderIsNeverLinked() throws Exception {
        assertThat(Files.isRegularFile(fixture.output().resolve("../outside.epub"))).isTrue();
        assertThat(feed("/opds/new").entries()).extracting(e -> text(e, ATOM, "title"))
            .doesNotContain("Escape attempt");
        assertThat(client.get("/opds/entries/%2E%2E%2Foutside").status()).isEqualTo(404);
        assertThat(feed("/opds/sections/Escapes").entries()).isEmpty();
    }

    /**
     * The same data in the OPDS 2.0 catalog: every document valid against its schemas,
     * markup back as text exactly, what no document can carry left out, nothing leading
     * out of the folder.
     */
    @Test
    void theOpds2CatalogStaysValidAndKeepsTheTextToo() throws Exception {
        java.util.Set<String> reached = Opds2Assert.crawl(client);
        assertThat(reached).noneMatch(a -> a.contains("outside") || a.contains(".."));
        Response response = client.get("/opds/v2/new?page=1");
        tools.jackson.databind.JsonNode feed = Opds2Assert.assertValidFeed(response.body(), response.contentType());
        List<String> titles = new ArrayList<>();
        feed.path("publications").forEach(p -> titles.add(p.path("metadata").path("title").asString()));
        assertThat(titles).contains(MARKUP_TITLE, ARABIC_TITLE, "Raw title");
        String json = response.text();
        assertThat(json).doesNotContain("\\u0000", "\\ud800", "\\uD800", "\\uffff", "\\uFFFF");
    }

}
