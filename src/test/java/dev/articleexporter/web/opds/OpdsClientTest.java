package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsAssert.ATOM;
import static dev.articleexporter.web.opds.OpdsAssert.children;
import static dev.articleexporter.web.opds.OpdsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.web.opds.CatalogClient.Response;
import dev.articleexporter.web.opds.OpdsAssert.FeedDoc;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.epub.EpubReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.UriUtils;
import org.w3c.dom.Element;

/**
 * An OPDS client's walk: from {@code /opds}, choosing links only by their relation and
 * type as a reader app does, down to an EPUB, which must then be a valid book and the one
 * the entry described. The download itself is the output folder's file that
 * {@code /files/NAME} serves (see {@link CatalogClient}).
 */
class OpdsClientTest {

    @TempDir
    static Path work;

    static CatalogFixture fixture;
    static CatalogClient client;

    @BeforeAll
    static void history() throws Exception {
        fixture = CatalogFixture.export(work, List.of("briefs.json", "iraq-coalition.json"), Map.of());
        fixture.edition(1, "digest-2026-11-25-run-1", "Nightly digest, 25 November 2026", 3,
                "iraq-pm-calls-for-departure-of-us-led-coalition");
        client = fixture.client(50, "");
    }

    /** Where the client is: an address and the document found there. */
    record Step(String address, FeedDoc feed) {

        /**
         * Follows the first link of an entry (or of the feed when {@code entry} is null)
         * that {@code choice} accepts.
         */
        Step follow(Element entry, Predicate<Element> choice) throws Exception {
            Element link = children(entry == null ? feed.feed() : entry, ATOM, "link").stream()
                .filter(choice)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such link at " + address));
            return open(CatalogClient.resolve(address, link.getAttribute("href")));
        }
    }

    static Step open(String address) throws Exception {
        Response response = client.get(address);
        assertThat(response.status()).as("GET %s", address).isEqualTo(200);
        return new Step(address, OpdsAssert.assertValidFeed(response.body(), response.contentType()));
    }

    static Predicate<Element> type(String type) {
        return l -> type.equals(l.getAttribute("type"));
    }

    static Predicate<Element> rel(String rel) {
        return l -> rel.equals(l.getAttribute("rel"));
    }

    /**
     * Downloads the entry's EPUB, checks it with EPUBCheck and that it is the book the
     * entry describes.
     */
    static Path downloadEpub(Step step, Element entry) throws Exception {
        Element link = children(entry, ATOM, "link").stream()
            .filter(rel(OpdsTypes.REL_ACQUISITION).and(type(OpdsTypes.EPUB)))
            .findFirst()
            .orElseThrow();
        Path epub = client.file(CatalogClient.resolve(step.address(), link.getAttribute("href")));
        EpubCheckAssert.assertValid(epub);
        assertThat(Files.size(epub)).isEqualTo(Long.parseLong(link.getAttribute("length")));
        Book book;
        try (InputStream in = Files.newInputStream(epub)) {
            book = new EpubReader().readEpub(in);
        }
        assertThat(book.getMetadata().getIdentifiers()).extracting(Identifier::getValue)
            .contains(text(entry, ATOM, "id"));
        return epub;
    }

    @Test
    void walksFromTheRootThroughASectionToAnEpub() throws Exception {
        Step root = open(client.root());
        assertThat(root.feed().kind()).isEqualTo("navigation");
        // The entry that leads to another navigation feed: "By section".
        Element bySection = root.feed()
            .entries()
            .stream()
            .filter(e -> children(e, ATOM, "link").stream().anyMatch(type(OpdsTypes.NAVIGATION)))
            .findFirst()
            .orElseThrow();
        Step sections = root.follow(bySection, type(OpdsTypes.NAVIGATION));
        assertThat(sections.feed().kind()).isEqualTo("navigation");
        Element travel = sections.feed()
            .entries()
            .stream()
            .filter(e -> "Travel".equals(text(e, ATOM, "title")))
            .findFirst()
            .orElseThrow();
        Step books = sections.follow(travel, rel("subsection").and(type(OpdsTypes.ACQUISITION)));
        assertThat(books.feed().kind()).isEqualTo("acquisition");

        Element entry = books.feed().entries().getFirst();
        assertThat(text(entry, ATOM, "title")).isEqualTo("Five Harbour Towns to Visit in Winter");
        Path epub = downloadEpub(books, entry);
        assertThat(epub.getFileName().toString()).isEqualTo("five-harbour-towns-to-visit-in-winter.epub");
        // The start link leads home from anywhere.
        assertThat(books.follow(null, rel("start")).feed().title()).isEqualTo(root.feed().title());
    }

    @Test
    void walksTheNewestFeedFromTheRootsSortLinkToEveryBook() throws Exception {
        Step newest = open(client.root()).follow(null, rel(OpdsTypes.REL_SORT_NEW));
        assertThat(newest.feed().entries()).hasSize(3);
        for (Element entry : newest.feed().entries()) {
            downloadEpub(newest, entry);
        }
    }

    @Test
    void searchesThroughTheOpenSearchDescription() throws Exception {
        Step root = open(client.root());
        Element search = root.feed().links("search").getFirst();
        assertThat(search.getAttribute("type")).isEqualTo(OpdsTypes.OPENSEARCH);
        String descriptionAddress = CatalogClient.resolve(root.address(), search.getAttribute("href"));
        Response description = client.get(descriptionAddress);
        String template = OpdsAssert.assertValidOpenSearch(description.body(), description.contentType());
        String query = template.replace("{searchTerms}",
                UriUtils.encodeQueryParam("refinance", StandardCharsets.UTF_8));
        Step results = open(CatalogClient.resolve(descriptionAddress, query));
        assertThat(results.feed().entries()).hasSize(1);
        downloadEpub(results, results.feed().entries().getFirst());
    }

    @Test
    void downloadsTheNightlyDigest() throws Exception {
        Step root = open(client.root());
        Element digests = root.feed()
            .entries()
            .stream()
            .filter(e -> "Digests".equals(text(e, ATOM, "title")))
            .findFirst()
            .orElseThrow();
        Step feed = root.follow(digests, type(OpdsTypes.ACQUISITION));
        Element entry = feed.feed().entries().getFirst();
        Element link = children(entry, ATOM, "link").stream().filter(type(OpdsTypes.EPUB)).findFirst().orElseThrow();
        Path epub = client.file(CatalogClient.resolve(feed.address(), link.getAttribute("href")));
        assertThat(epub.getFileName().toString()).isEqualTo("digest-2026-11-25-run-1.epub");
        EpubCheckAssert.assertValid(epub);
    }

}
