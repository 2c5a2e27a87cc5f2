package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.CatalogFixture.HARBOUR;
import static dev.articleexporter.web.opds.CatalogFixture.IRAQ;
import static dev.articleexporter.web.opds.CatalogFixture.REFINANCE;
import static dev.articleexporter.web.opds.OpdsAssert.ATOM;
import static dev.articleexporter.web.opds.OpdsAssert.DC;
import static dev.articleexporter.web.opds.OpdsAssert.children;
import static dev.articleexporter.web.opds.OpdsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.history.Library.Filter;
import dev.articleexporter.history.Library.LibraryEntry;
import dev.articleexporter.history.Library.SectionCount;
import dev.articleexporter.web.opds.CatalogClient.Response;
import dev.articleexporter.web.opds.OpdsAssert.FeedDoc;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;
import org.w3c.dom.Element;

/**
 * The catalog over a history of real exports: every feed valid, every link resolving, the
 * right articles in each.
 */
class OpdsCatalogTest {

    /** Small pages, so the few sample articles span several. */
    static final int PAGE = 2;

    static final String WORLD = "News/World & Co";
    static final String PERCENT = "Ünïcødé 100%";
    static final String DIGEST = "digest-2026-11-25-run-1";

    @TempDir
    static Path work;

    static CatalogFixture fixture;
    static CatalogClient client;

    @BeforeAll
    static void history() throws Exception {
        String desk = """
                [
                  {"id": "world-desk-brief", "title": "Ministers Meet in Geneva", "site": "Example Wire",
                   "section": "News/World & Co", "publishedAt": "2026-11-21", "intro": "Talks resume on Monday."},
                  {"id": "percent-brief", "title": "Rates Rise Again", "site": "Example Money", "author": "Ada Lovelace",
                   "section": "Ünïcødé 100%", "language": "de", "intro": "Zinsen steigen."},
                  {"id": "gone-brief", "title": "Removed Later", "section": "Travel", "intro": "Its files are deleted."}
                ]
                """;
        fixture = CatalogFixture.export(work, List.of("briefs.json", "iraq-coalition.json"), Map.of("desk.json", desk));
        // Files removed by hand after the export: the catalog links only what is there.
        Files.delete(fixture.output().resolve("gone-brief.epub"));
        Files.delete(fixture.output().resolve("gone-brief.pdf"));
        Files.delete(fixture.output().resolve(REFINANCE + ".pdf"));
        fixture.edition(1, DIGEST, "Nightly digest, 25 November 2026", 3, IRAQ);
        fixture.editions()
            .record(1, fixture.output(), "digest-without-files", "Lost digest", 2, List.of("epub", "pdf"));
        client = fixture.client(PAGE, "");
    }

    static FeedDoc feed(String address) throws Exception {
        Response response = client.get(address);
        assertThat(response.status()).as("GET %s: %s", address, response.text()).isEqualTo(200);
        return OpdsAssert.assertValidFeed(response.body(), response.contentType());
    }

    static List<String> titles(FeedDoc feed) {
        return feed.entries().stream().map(e -> text(e, ATOM, "title")).toList();
    }

    static Element entryTitled(FeedDoc feed, String title) {
        return feed.entries().stream().filter(e -> title.equals(text(e, ATOM, "title"))).findFirst().orElseThrow();
    }

    static Element link(Element parent, String rel, String type) {
        return FeedDoc.links(parent, rel)
            .stream()
            .filter(l -> type == null || type.equals(l.getAttribute("type")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + rel + " link of type " + type));
    }

    /** Every entry of a paged feed, following its next links from the first page. */
    static List<Element> allPages(String address) throws Exception {
        List<Element> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String page = address; page != null;) {
            assertThat(seen.add(page)).as("no loop in next links").isTrue();
            FeedDoc doc = feed(page);
            entries.addAll(doc.entries());
            page = doc.links("next").isEmpty() ? null : CatalogClient.resolve(page, doc.link("next"));
        }
        return entries;
    }

    @Test
    void rootIsANavigationFeedOfNewestSectionsAndDigests() throws Exception {
        FeedDoc root = feed(client.root());
        assertThat(root.kind()).isEqualTo("navigation");
        assertThat(titles(root)).containsExactly("Newest", "By section", "Digests");
        assertThat(root.link("self")).isEqualTo("/opds");
        assertThat(root.link("start")).isEqualTo("/opds");
        assertThat(root.link("search")).isEqualTo("/opds/opensearch.xml");
        assertThat(link(root.feed(), OpdsTypes.REL_SORT_NEW, OpdsTypes.ACQUISITION).getAttribute("href"))
            .isEqualTo("/opds/new");

        assertThat(
                link(entryTitled(root, "Newest"), OpdsTypes.REL_SORT_NEW, OpdsTypes.ACQUISITION).getAttribute("href"))
            .isEqualTo("/opds/new");
        assertThat(link(entryTitled(root, "By section"), "subsection", OpdsTypes.NAVIGATION).getAttribute("href"))
            .isEqualTo("/opds/sections");
        assertThat(link(entryTitled(root, "Digests"), "subsection", OpdsTypes.ACQUISITION).getAttribute("href"))
            .isEqualTo("/opds/digests");
        assertThat(text(entryTitled(root, "Newest"), ATOM, "content"))
            .isEqualTo("All 6 articles, the most recently exported first.");
        assertThat(text(entryTitled(root, "By section"), ATOM, "content")).isEqualTo("5 sections.");
        // The feed changed when its newest article or digest did.
        Instant newest = fixture.library().articles(fixture.output(), Filter.ALL, 0, 1).getFirst().rendered();
        Instant digest = fixture.editions().list(fixture.output(), 0, 1).getFirst().created();
        assertThat(Instant.parse(text(root.feed(), ATOM, "updated")))
            .isEqualTo(AtomWriter.timestamp(newest.isAfter(digest) ? newest : digest).transform(Instant::parse));
        // With a trailing slash, as people type it into reader apps.
        assertThat(titles(feed(client.root() + "/"))).containsExactly("Newest", "By section", "Digests");
    }

    @Test
    void newestListsEveryArticleWithFilesMostRecentFirstAcrossPages() throws Exception {
        FeedDoc first = feed("/opds/new");
        // the history's count, files or not
        assertThat(first.openSearch("totalResults")).isEqualTo(6);
        assertThat(first.openSearch("itemsPerPage")).isEqualTo(PAGE);
        assertThat(first.link("last")).isEqualTo("/opds/new?page=3");

        List<Element> all = allPages("/opds/new");
        List<String> titles = all.stream().map(e -> text(e, ATOM, "title")).toList();
        assertThat(titles).doesNotHaveDuplicates()
            .doesNotContain("Removed Later")
            .containsExactlyInAnyOrder("Iraq’s Prime Minister Calls for Departure of U.S.-Led Military Coalition",
                    "Five Harbour Towns to Visit in Winter", "Three Questions Before You Refinance",
                    "Ministers Meet in Geneva", "Rates Rise Again");
        List<Instant> updated = all.stream().map(e -> Instant.parse(text(e, ATOM, "updated"))).toList();
        assertThat(updated).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // The same order as the library's, which breaks ties of the same second by
        // insertion.
        List<String> expected = fixture.library()
            .articles(fixture.output(), Filter.ALL, 0, 100)
            .stream()
            .filter(a -> !a.fileStem().equals("gone-brief"))
            .map(LibraryEntry::title)
            .toList();
        assertThat(titles).isEqualTo(expected);

        assertThat(titles(feed("/opds/new?page=1"))).isEqualTo(titles(first));
        assertThat(feed("/opds/new?page=2").link("previous")).isEqualTo("/opds/new");
    }

    @Test
    void badPagesAreRefused() throws Exception {
        for (String page : List.of("0", "-1", "abc", "1.5", "99999999999999999999")) {
            assertThat(client.get("/opds/new?page=" + page).status()).as("page=%s", page).isEqualTo(400);
        }
        assertThat(client.get("/opds/new?page=4").status()).isEqualTo(404);
        assertThat(client.get("/opds/new?page=" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(client.get("/opds/digests?page=2").status()).isEqualTo(404);
        assertThat(client.get("/opds/search?q=harbour&page=0").status()).isEqualTo(400);
    }

    @Test
    void articleEntriesCarryTheirDataAndLinkOnlyTheFilesThatExist() throws Exception {
        Map<String, Element> byTitle = allPages("/opds/new").stream()
            .collect(Collectors.toMap(e -> text(e, ATOM, "title"), e -> e));
        LibraryEntry iraq = fixture.library().find(fixture.output(), IRAQ).orElseThrow();
        Element entry = byTitle.get(iraq.title());
        // The id the EPUB carries, so a reader app knows a book it already has.
        assertThat(text(entry, ATOM, "id")).isEqualTo(dev.articleexporter.model.BookIdentifier.article(IRAQ));
        assertThat(text(children(entry, ATOM, "author").getFirst(), ATOM, "name")).isEqualTo("The Stock Dork");
        assertThat(text(entry, DC, "language")).isEqualTo("en");
        assertThat(iraq.published()).isNull(); // the sample has no date
        assertThat(children(entry, DC, "issued")).isEmpty();
        assertThat(text(entry, DC, "publisher")).isEqualTo("The Stock Dork");
        assertThat(text(entry, ATOM, "summary")).isEqualTo(iraq.summary()).isNotBlank();
        assertThat(children(entry, ATOM, "category").getFirst().getAttribute("term")).isEqualTo("Politics");
        assertThat(Instant.parse(text(entry, ATOM, "updated")))
            .isEqualTo(AtomWriter.timestamp(iraq.rendered()).transform(Instant::parse));

        Element epub = link(entry, OpdsTypes.REL_ACQUISITION, OpdsTypes.EPUB);
        Element pdf = link(entry, OpdsTypes.REL_ACQUISITION, OpdsTypes.PDF);
        assertThat(epub.getAttribute("href")).isEqualTo("/files/" + IRAQ + ".epub");
        assertThat(pdf.getAttribute("href")).isEqualTo("/files/" + IRAQ + ".pdf");
        assertThat(Long.parseLong(epub.getAttribute("length")))
            .isEqualTo(Files.size(fixture.output().resolve(IRAQ + ".epub")));
        assertThat(Long.parseLong(pdf.getAttribute("length")))
            .isEqualTo(Files.size(fixture.output().resolve(IRAQ + ".pdf")));

        Element harbour = byTitle.get("Five Harbour Towns to Visit in Winter");
        assertThat(text(harbour, DC, "issued")).isEqualTo("2026-11-20T07:30:00Z");
        assertThat(text(children(harbour, ATOM, "author").getFirst(), ATOM, "name")).isEqualTo("Travel Desk Staff");
        assertThat(text(harbour, DC, "publisher")).isEqualTo("Example Travel Desk");

        // Author, else site; a language other than English; no date when the input had
        // none.
        Element percent = byTitle.get("Rates Rise Again");
        assertThat(text(children(percent, ATOM, "author").getFirst(), ATOM, "name")).isEqualTo("Ada Lovelace");
        assertThat(text(percent, DC, "language")).isEqualTo("de");
        assertThat(children(percent, DC, "issued")).isEmpty();
        // Its PDF was deleted: only the EPUB is offered.
        Element refinance = byTitle.get("Three Questions Before You Refinance");
        assertThat(FeedDoc.links(refinance, OpdsTypes.REL_ACQUISITION)).extracting(l -> l.getAttribute("type"))
            .containsExactly(OpdsTypes.EPUB);

        // The alternate link is the entry's own complete document, with the same data.
        Element alternate = link(entry, "alternate", OpdsTypes.ENTRY);
        assertThat(alternate.getAttribute("href")).isEqualTo("/opds/entries/" + IRAQ);
        Response response = client.get(alternate.getAttribute("href"));
        assertThat(response.status()).isEqualTo(200);
        Element complete = OpdsAssert.assertValidEntryDocument(response.body(), response.contentType());
        assertThat(text(complete, ATOM, "id")).isEqualTo(text(entry, ATOM, "id"));
        assertThat(text(complete, ATOM, "summary")).isEqualTo(iraq.summary());
        assertThat(FeedDoc.links(complete, "self").getFirst().getAttribute("href")).isEqualTo("/opds/entries/" + IRAQ);
        // no files left
        assertThat(client.get("/opds/entries/gone-brief").status()).isEqualTo(404);
        assertThat(client.get("/opds/entries/no-such-article").status()).isEqualTo(404);
    }

    @Test
    void sectionsListEachSectionWithItsCountAndLeadToItsArticles() throws Exception {
        FeedDoc sections = feed("/opds/sections");
        List<SectionCount> expected = fixture.library().sections(fixture.output());
        assertThat(expected).extracting(SectionCount::section)
            .containsExactly(WORLD, "Personal Finance", "Politics", "Travel", PERCENT);
        assertThat(titles(sections)).isEqualTo(expected.stream().map(SectionCount::section).toList());
        assertThat(sections.link("up")).isEqualTo("/opds");
        for (SectionCount section : expected) {
            Element entry = entryTitled(sections, section.section());
            Element link = link(entry, "subsection", OpdsTypes.ACQUISITION);
            assertThat(link.getAttributeNS(OpdsTypes.THREAD_NS, "count")).isEqualTo(Long.toString(section.articles()));
            assertThat(text(entry, ATOM, "content"))
                .isEqualTo(section.articles() + (section.articles() == 1 ? " article." : " articles."));
            List<Element> articles = allPages(CatalogClient.resolve(client.root(), link.getAttribute("href")));
            assertThat(articles).isNotEmpty()
                .allSatisfy(a -> assertThat(children(a, ATOM, "category").getFirst().getAttribute("term"))
                    .isEqualTo(section.section()));
            FeedDoc first = feed(CatalogClient.resolve(client.root(), link.getAttribute("href")));
            assertThat(first.title()).isEqualTo(section.section());
            assertThat(first.link("up")).isEqualTo("/opds/sections");
            assertThat(first.openSearch("totalResults")).isEqualTo(section.articles());
        }
        // Travel has two articles, one without files: counted, not listed.
        assertThat(allPages(CatalogClient.resolve(client.root(), "/opds/sections/Travel")))
            .extracting(e -> text(e, ATOM, "title"))
            .containsExactly("Five Harbour Towns to Visit in Winter");
        assertThat(link(entryTitled(sections, "Personal Finance"), "subsection", null).getAttribute("href"))
            .isEqualTo("/opds/sections/Personal%20Finance");
    }

    @Test
    void unknownSectionsAreNotFound() throws Exception {
        assertThat(client.get("/opds/sections/Sport").status()).isEqualTo(404);
        // names are exact
        assertThat(client.get("/opds/sections/politics").status()).isEqualTo(404);
        assertThat(client.get("/opds/sections/%20").status()).isEqualTo(404);
        assertThat(client.get("/opds/sections/encoded/!!!").status()).isEqualTo(404);
        assertThat(client.get("/opds/sections/encoded/" + base64("Sport")).status()).isEqualTo(404);
        // A readable name has one address only.
        assertThat(client.get("/opds/sections/encoded/" + base64("Politics")).status()).isEqualTo(404);
        assertThat(client.get("/opds/sections/encoded/" + base64(WORLD)).status()).isEqualTo(200);
    }

    private static String base64(String name) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sectionAddressesGetPastSpringSecuritysDefaultFirewall() throws Exception {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        FeedDoc sections = feed("/opds/sections");
        List<String> hrefs = sections.entries()
            .stream()
            .map(e -> link(e, "subsection", null).getAttribute("href"))
            .toList();
        assertThat(hrefs).hasSize(5);
        for (String href : hrefs) {
            firewall.getFirewalledRequest(
                    MockMvcRequestBuilders.get(URI.create(href)).buildRequest(new MockServletContext()));
        }
        assertThat(hrefs).contains("/opds/sections/encoded/" + base64(WORLD),
                "/opds/sections/encoded/" + base64(PERCENT));
        // What plain percent-encoding would have made of them is refused: why they travel
        // as base64url.
        for (String name : List.of(WORLD, PERCENT)) {
            String naive = "/opds/sections/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> firewall.getFirewalledRequest(
                    MockMvcRequestBuilders.get(URI.create(naive)).buildRequest(new MockServletContext())))
                .isInstanceOf(RequestRejectedException.class);
        }
    }

    @Test
    void digestsListTheEditionsWhoseFilesAreThere() throws Exception {
        FeedDoc digests = feed("/opds/digests");
        assertThat(digests.openSearch("totalResults")).isEqualTo(2);
        assertThat(titles(digests)).containsExactly("Nightly digest, 25 November 2026");
        Element entry = digests.entries().getFirst();
        assertThat(text(entry, ATOM, "id")).isEqualTo(dev.articleexporter.model.BookIdentifier.digest(DIGEST));
        assertThat(text(entry, ATOM, "content")).isEqualTo("A digest of 3 articles.");
        assertThat(link(entry, OpdsTypes.REL_ACQUISITION, OpdsTypes.EPUB).getAttribute("href"))
            .isEqualTo("/files/" + DIGEST + ".epub");
        assertThat(link(entry, OpdsTypes.REL_ACQUISITION, OpdsTypes.PDF).getAttribute("href"))
            .isEqualTo("/files/" + DIGEST + ".pdf");
        // Updated when the newest digest was recorded (the one without files included:
        // the feed changed then).
        Instant newest = fixture.editions().list(fixture.output(), 0, 1).getFirst().created();
        assertThat(text(digests.feed(), ATOM, "updated")).isEqualTo(AtomWriter.timestamp(newest));
    }

    @Test
    void searchFindsWordsInTitleSiteAndAuthorAndPages() throws Exception {
        assertThat(titles(feed("/opds/search?q=harbour"))).containsExactly("Five Harbour Towns to Visit in Winter");
        assertThat(titles(feed("/opds/search?q=ADA%20LOVELACE"))).containsExactly("Rates Rise Again");
        assertThat(titles(feed("/opds/search?q=money%20desk"))).containsExactly("Three Questions Before You Refinance");
        FeedDoc none = feed("/opds/search?q=%3Cnothing%20like%20this%3E");
        assertThat(none.entries()).isEmpty();
        assertThat(none.openSearch("totalResults")).isZero();
        assertThat(none.title()).isEqualTo("Search: <nothing like this>");

        // "e" is in every article: pages keep the query.
        FeedDoc first = feed("/opds/search?q=e");
        assertThat(first.openSearch("totalResults")).isEqualTo(6);
        assertThat(first.link("next")).isEqualTo("/opds/search?q=e&page=2");
        assertThat(allPages("/opds/search?q=e")).hasSize(5);
        assertThat(feed("/opds/search?q=a%26b%20c").link("self")).isEqualTo("/opds/search?q=a%26b%20c");

        assertThat(client.get("/opds/search").status()).isEqualTo(400);
        assertThat(client.get("/opds/search?q=%20%20").status()).isEqualTo(400);
        assertThat(client.get("/opds/search?q=" + "x".repeat(OpdsController.MAX_QUERY_LENGTH + 1)).status())
            .isEqualTo(400);
    }

    @Test
    void openSearchDescriptionLeadsToTheSearchFeed() throws Exception {
        Response response = client.get("/opds/opensearch.xml");
        assertThat(response.status()).isEqualTo(200);
        String template = OpdsAssert.assertValidOpenSearch(response.body(), response.contentType());
        assertThat(template).isEqualTo("http://localhost/opds/search?q={searchTerms}");
        String address = template.replace("{searchTerms}", UriUtils.encodeQueryParam("Geneva", StandardCharsets.UTF_8));
        assertThat(titles(feed(address))).containsExactly("Ministers Meet in Geneva");
    }

    @Test
    void everyLinkResolvesWithTheTypeItAnnounces() throws Exception {
        Crawl crawl = crawl(client);
        assertThat(crawl.addresses()).containsAll(EVERY_FEED);
        assertThat(crawl.files()).as("every EPUB and PDF linked (5 articles, 1 without PDF, 1 digest)").isEqualTo(11);
    }

    @Test
    void worksBehindAContextPath() throws Exception {
        CatalogClient behind = fixture.client(PAGE, "/exporter");
        FeedDoc root = OpdsAssert.assertValidFeed(behind.get(behind.root()).body(),
                behind.get(behind.root()).contentType());
        assertThat(root.link("self")).isEqualTo("/exporter/opds");
        Response search = behind.get("/exporter/opds/opensearch.xml");
        assertThat(OpdsAssert.assertValidOpenSearch(search.body(), search.contentType()))
            .isEqualTo("http://localhost/exporter/opds/search?q={searchTerms}");
        Crawl crawl = crawl(behind);
        assertThat(crawl.addresses()).containsAll(EVERY_FEED.stream().map(a -> "/exporter" + a).toList());
        assertThat(crawl.files()).isEqualTo(11);
    }

    /**
     * What a crawl reached.
     *
     * @param addresses path and query of each address followed
     * @param files how many of them were files of the output folder
     */
    record Crawl(Set<String> addresses, int files) {
    }

    /** What a crawl must reach (path and query). */
    static final List<String> EVERY_FEED = List.of("/opds?null", "/opds/new?null", "/opds/new?page=2",
            "/opds/new?page=3", "/opds/sections?null", "/opds/sections/Travel?null", "/opds/sections/Politics?null",
            "/opds/sections/Personal%20Finance?null", "/opds/digests?null", "/opds/opensearch.xml?null",
            "/opds/search?q=harbour", "/opds/entries/" + IRAQ + "?null", "/opds/entries/" + HARBOUR + "?null",
            "/opds/entries/" + REFINANCE + "?null", "/opds/entries/world-desk-brief?null",
            "/opds/entries/percent-brief?null", "/files/" + IRAQ + ".epub?null", "/files/" + DIGEST + ".pdf?null");

    /**
     * Follows every link from the root, as a crawling client would; fails on any link
     * that does not resolve, or resolves to something other than its type says.
     */
    static Crawl crawl(CatalogClient client) throws Exception {
        // address, announced type
        Deque<Map.Entry<String, String>> queue = new ArrayDeque<>();
        Map<String, String> seen = new LinkedHashMap<>();
        queue.add(Map.entry(client.root(), OpdsTypes.NAVIGATION));
        int files = 0;
        while (!queue.isEmpty()) {
            Map.Entry<String, String> next = queue.poll();
            String address = next.getKey();
            URI uri = URI.create(address);
            // One resource per path and query: the OpenSearch template names the server's
            // own host.
            if (seen.putIfAbsent(uri.getRawPath() + "?" + uri.getRawQuery(), next.getValue()) != null) {
                continue;
            }
            assertThat(seen).as("a catalog this small has few addresses").hasSizeLessThan(500);
            assertThat(URI.create(address).getRawPath()).as("stays under the context path")
                .startsWith(client.contextPath() + "/");
            if (client.isFile(address)) {
                Path file = client.file(address);
                if (file.toString().endsWith(".jpg")) { // a cover or thumbnail
                    assertThat(next.getValue()).isEqualTo("image/jpeg");
                    continue;
                }
                assertThat(next.getValue())
                    .isEqualTo(file.toString().endsWith(".epub") ? OpdsTypes.EPUB : OpdsTypes.PDF);
                files++;
                continue;
            }
            if (next.getValue().equals(OpdsTypes.OPDS2)) {
                // the same catalog in OPDS 2.0, which Opds2CatalogTest crawls
                assertThat(uri.getRawPath()).isEqualTo(client.contextPath() + "/opds/v2");
                continue;
            }
            Response response = client.get(address);
            assertThat(response.status()).as("GET %s", address).isEqualTo(200);
            MediaType announced = MediaType.parseMediaType(next.getValue());
            MediaType served = MediaType.parseMediaType(response.contentType());
            assertThat(served.getType() + "/" + served.getSubtype())
                .isEqualTo(announced.getType() + "/" + announced.getSubtype());
            assertThat(served.getParameters()).as("%s served as announced", address)
                .containsAllEntriesOf(announced.getParameters());
            List<Element> links = new ArrayList<>();
            if (next.getValue().equals(OpdsTypes.OPENSEARCH)) {
                String template = OpdsAssert.assertValidOpenSearch(response.body(), response.contentType());
                queue.add(Map.entry(template.replace("{searchTerms}", "harbour"), OpdsTypes.ACQUISITION));
                continue;
            }
            else if (next.getValue().equals(OpdsTypes.ENTRY)) {
                Element entry = OpdsAssert.assertValidEntryDocument(response.body(), response.contentType());
                links.addAll(children(entry, ATOM, "link"));
            }
            else {
                FeedDoc feed = OpdsAssert.assertValidFeed(response.body(), response.contentType());
                assertThat("application/atom+xml;profile=opds-catalog;kind=" + feed.kind()).isEqualTo(next.getValue());
                links.addAll(children(feed.feed(), ATOM, "link"));
                feed.entries().forEach(e -> links.addAll(children(e, ATOM, "link")));
            }
            for (Element link : links) {
                assertThat(link.getAttribute("type")).as("every link says what it leads to").isNotEmpty();
                queue.add(Map.entry(CatalogClient.resolve(address, link.getAttribute("href")),
                        link.getAttribute("type")));
            }
        }
        return new Crawl(seen.keySet(), files);
    }

    @Test
    void anEmptyFolderHasAnEmptyButValidCatalog() throws Exception {
        Path empty = work.resolve("never-exported");
        CatalogClient none = new CatalogClient(org.springframework.test.web.servlet.setup.MockMvcBuilders
            .standaloneSetup(new OpdsController(
                    new OpdsCatalog(fixture.library(), fixture.editions(), CatalogFixture.FORMATS, empty, PAGE)))
            .build(), empty, "");
        for (String address : List.of("/opds", "/opds/new", "/opds/sections", "/opds/digests",
                "/opds/search?q=harbour")) {
            Response response = none.get(address);
            assertThat(response.status()).as(address).isEqualTo(200);
            FeedDoc doc = OpdsAssert.assertValidFeed(response.body(), response.contentType());
            if (!address.equals("/opds")) {
                assertThat(doc.entries()).isEmpty();
            }
        }
        assertThat(none.get("/opds/new?page=2").status()).isEqualTo(404);
    }

    @Test
    void existsOnlyInTheWebServer() {
        // The command-line commands start Spring without a web server: no catalog beans
        // there.
        new ApplicationContextRunner().withBean(dev.articleexporter.history.Library.class, fixture::library)
            .withBean(dev.articleexporter.history.DigestHistory.class, fixture::editions)
            .withBean(dev.articleexporter.render.OutputFormats.class, () -> CatalogFixture.FORMATS)
            .withPropertyValues("exporter.serve.output=" + fixture.output())
            .withUserConfiguration(ServeSettingsConfig.class, OpdsCatalog.class, OpdsController.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(OpdsController.class).doesNotHaveBean(OpdsCatalog.class);
            });
        new WebApplicationContextRunner().withBean(dev.articleexporter.history.Library.class, fixture::library)
            .withBean(dev.articleexporter.history.DigestHistory.class, fixture::editions)
            .withBean(dev.articleexporter.render.OutputFormats.class, () -> CatalogFixture.FORMATS)
            .withPropertyValues("exporter.serve.output=" + fixture.output())
            .withUserConfiguration(ServeSettingsConfig.class, OpdsCatalog.class, OpdsController.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(OpdsController.class);
                assertThat(context.getBean(OpdsCatalog.class)).extracting("pageSize").isEqualTo(50);
            });
    }

    /** {@code serve}'s settings, bound from the properties as the server binds them. */
    @org.springframework.boot.context.properties.EnableConfigurationProperties(dev.articleexporter.web.ServeSettings.class)
    static class ServeSettingsConfig {

    }

}
