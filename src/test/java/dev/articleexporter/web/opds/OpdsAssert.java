package dev.articleexporter.web.opds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks catalog documents the way a strict client would: well-formed XML, valid against
 * the Atom RELAX NG schema of RFC 4287 (with Jing), and the rules of OPDS 1.2 and Atom
 * that the schema cannot express, checked in code.
 */
final class OpdsAssert {

    static final String ATOM = OpdsTypes.ATOM_NS;
    static final String OPENSEARCH = OpdsTypes.OPENSEARCH_NS;
    static final String DC = OpdsTypes.DC_NS;

    /**
     * RFC 3339 date-time: what {@code updated} must be (xsd:dateTime alone would allow no
     * time zone).
     */
    private static final Pattern RFC3339 = Pattern
        .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    /** W3CDTF, as the EPUBs carry it. */
    private static final Pattern W3CDTF = Pattern
        .compile("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private static ValidationDriver atomSchema;

    private OpdsAssert() {
    }

    /** A parsed catalog feed and the kind it was served as. */
    record FeedDoc(Document document, String kind) {

        Element feed() {
            return document.getDocumentElement();
        }

        List<Element> entries() {
            return children(feed(), ATOM, "entry");
        }

        List<Element> links(String rel) {
            return links(feed(), rel);
        }

        static List<Element> links(Element parent, String rel) {
            return children(parent, ATOM, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).toList();
        }

        String link(String rel) {
            List<Element> links = links(rel);
            assertThat(links).as("one %s link", rel).hasSize(1);
            return links.getFirst().getAttribute("href");
        }

        String title() {
            return text(feed(), ATOM, "title");
        }

        long openSearch(String name) {
            return Long.parseLong(text(feed(), OPENSEARCH, name));
        }
    }

    /**
     * Everything a feed must be; {@code contentType} is the response's Content-Type.
     * @return the parsed feed
     */
    static FeedDoc assertValidFeed(byte[] body, String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo("application/atom+xml");
        assertThat(type.getParameter("profile")).isEqualTo("opds-catalog");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        String kind = type.getParameter("kind");
        assertThat(kind).isIn("navigation", "acquisition");

        Document document = parse(body);
        assertSchemaValid(body);
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        FeedDoc doc = new FeedDoc(document, kind);

        // Every feed has self (of its own kind) and start links, and a search link to an
        // OpenSearch description.
        assertThat(doc.links("self")).as("self link").hasSize(1);
        assertThat(doc.links("self").getFirst().getAttribute("type"))
            .isEqualTo("application/atom+xml;profile=opds-catalog;kind=" + kind);
        assertThat(doc.links("start")).as("start link").hasSize(1);
        assertThat(doc.links("start").getFirst().getAttribute("type")).isEqualTo(OpdsTypes.NAVIGATION);
        for (Element search : doc.links("search")) {
            assertThat(search.getAttribute("type")).isEqualTo(OpdsTypes.OPENSEARCH);
        }
        assertRfc3339(text(feed, ATOM, "updated"));
        assertThat(text(feed, ATOM, "title")).isNotBlank();

        // Atom: the feed has an author, or every entry has one (the schema's Schematron
        // rule).
        boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        ids.add(text(feed, ATOM, "id"));
        for (Element entry : doc.entries()) {
            assertEntry(entry, kind, feedAuthor);
            assertThat(ids.add(text(entry, ATOM, "id"))).as("unique id %s", text(entry, ATOM, "id")).isTrue();
        }
        for (Element link : children(feed, ATOM, "link")) {
            assertFeedLinkType(link);
        }
        assertPaging(doc);
        return doc;
    }

    /** A complete catalog entry document. */
    static Element assertValidEntryDocument(byte[] body, String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo("application/atom+xml");
        assertThat(type.getParameter("type")).isEqualTo("entry");
        assertThat(type.getParameter("profile")).isEqualTo("opds-catalog");
        Document document = parse(body);
        assertSchemaValid(body);
        Element entry = document.getDocumentElement();
        assertThat(entry.getLocalName()).isEqualTo("entry");
        assertEntry(entry, "acquisition", false);
        assertThat(FeedDoc.links(entry, "self")).hasSize(1);
        return entry;
    }

    private static void assertEntry(Element entry, String kind, boolean feedAuthor) {
        String id = text(entry, ATOM, "id");
        assertThat(URI.create(id).isAbsolute()).as("absolute id %s", id).isTrue();
        assertThat(text(entry, ATOM, "title")).isNotNull();
        assertRfc3339(text(entry, ATOM, "updated"));
        List<Element> links = children(entry, ATOM, "link");
        // Atom 4.1.2: an entry without content has an alternate link.
        boolean alternate = links.stream()
            .anyMatch(l -> !l.hasAttribute("rel") || "alternate".equals(l.getAttribute("rel")));
        assertThat(alternate || !children(entry, ATOM, "content").isEmpty())
            .as("entry %s: alternate link or content", id)
            .isTrue();
        assertThat(feedAuthor || !children(entry, ATOM, "author").isEmpty()).as("entry %s: an author", id).isTrue();
        // OPDS 5.1.3: plain text
        for (Element summary : children(entry, ATOM, "summary")) {
            assertThat(summary.getAttribute("type")).isEqualTo("text");
            assertThat(children(summary, null, null)).isEmpty();
        }
        for (Element language : children(entry, DC, "language")) {
            assertThat(language.getTextContent()).matches(LANGUAGE);
        }
        for (Element issued : children(entry, DC, "issued")) {
            assertThat(issued.getTextContent()).matches(W3CDTF);
        }
        List<Element> acquisitions = links.stream()
            .filter(l -> l.getAttribute("rel").startsWith(OpdsTypes.REL_ACQUISITION))
            .toList();
        if (kind.equals("acquisition")) {
            // OPDS 2.2 / 5: every entry of an acquisition feed is a catalog entry with a
            // typed acquisition link.
            assertThat(acquisitions).as("entry %s: acquisition links", id).isNotEmpty();
            for (Element a : acquisitions) {
                assertThat(a.getAttribute("type")).as("acquisition link type").contains("/");
                if (a.hasAttribute("length")) {
                    assertThat(Long.parseLong(a.getAttribute("length"))).isPositive();
                }
            }
        }
        else {
            // OPDS 2.1: navigation entries are not catalog entries; they link to feeds
            // and say which kind.
            assertThat(acquisitions).as("navigation entry %s: no acquisition links", id).isEmpty();
            assertThat(links).as("navigation entry %s: a link to a feed", id)
                .anyMatch(l -> l.getAttribute("type").startsWith("application/atom+xml;profile=opds-catalog;kind="));
            assertThat(children(entry, ATOM, "content")).as("navigation entry %s: a description", id).isNotEmpty();
        }
        for (Element link : links) {
            assertFeedLinkType(link);
        }
    }

    /**
     * OPDS x.2, x.3: links to catalog documents carry the profile, and feeds the kind.
     */
    private static void assertFeedLinkType(Element link) {
        String type = link.getAttribute("type");
        if (type.startsWith("application/atom+xml")) {
            MediaType media = MediaType.parseMediaType(type);
            assertThat(media.getParameter("profile")).as("profile of %s", link.getAttribute("href"))
                .isEqualTo("opds-catalog");
            if (!"entry".equals(media.getParameter("type"))) {
                assertThat(media.getParameter("kind")).as("kind of %s", link.getAttribute("href"))
                    .isIn("navigation", "acquisition");
            }
        }
        assertThat(link.getAttribute("href")).isNotBlank();
    }

    /**
     * first/previous/next/last and the OpenSearch counts agree with each other and with
     * the page.
     */
    private static void assertPaging(FeedDoc doc) {
        boolean paged = !doc.links("first").isEmpty() || !doc.links("last").isEmpty() || !doc.links("next").isEmpty()
                || !doc.links("previous").isEmpty();
        if (!paged) {
            assertThat(children(doc.feed(), OPENSEARCH, "totalResults")).isEmpty();
            return;
        }
        long total = doc.openSearch("totalResults");
        long perPage = doc.openSearch("itemsPerPage");
        long start = doc.openSearch("startIndex");
        assertThat(perPage).isPositive();
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        assertThat((start - 1) % perPage).as("startIndex at a page boundary").isZero();
        long page = (start - 1) / perPage + 1;
        assertThat(page).isBetween(1L, pages);
        assertThat(doc.entries().size()).isLessThanOrEqualTo((int) perPage);
        assertThat(pageOf(doc.link("self"))).isEqualTo(page);
        assertThat(pageOf(doc.link("first"))).isEqualTo(1);
        assertThat(pageOf(doc.link("last"))).isEqualTo(pages);
        assertThat(doc.links("previous")).hasSize(page > 1 ? 1 : 0);
        assertThat(doc.links("next")).hasSize(page < pages ? 1 : 0);
        if (page > 1) {
            assertThat(pageOf(doc.link("previous"))).isEqualTo(page - 1);
        }
        if (page < pages) {
            assertThat(pageOf(doc.link("next"))).isEqualTo(page + 1);
        }
        // All pages are the same feed: the links differ only in the page.
        assertThat(withoutPage(doc.link("first"))).isEqualTo(withoutPage(doc.link("self")))
            .isEqualTo(withoutPage(doc.link("last")));
    }

    static long pageOf(String href) {
        String page = UriComponentsBuilder.fromUriString(href).build().getQueryParams().getFirst("page");
        return page == null ? 1 : Long.parseLong(page);
    }

    private static String withoutPage(String href) {
        return UriComponentsBuilder.fromUriString(href).replaceQueryParam("page").build().toUriString();
    }

    /** The OpenSearch description; returns its OPDS search template. */
    static String assertValidOpenSearch(byte[] body, String contentType) {
        assertThat(
                MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(OpdsTypes.OPENSEARCH)))
            .isTrue();
        Element root = parse(body).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(OPENSEARCH);
        assertThat(root.getLocalName()).isEqualTo("OpenSearchDescription");
        String shortName = text(root, OPENSEARCH, "ShortName");
        assertThat(shortName).isNotBlank().hasSizeLessThanOrEqualTo(16);
        assertThat(text(root, OPENSEARCH, "Description")).isNotBlank().hasSizeLessThanOrEqualTo(1024);
        List<Element> urls = children(root, OPENSEARCH, "Url").stream()
            .filter(u -> u.getAttribute("type").equals(OpdsTypes.ACQUISITION))
            .toList();
        assertThat(urls).as("a Url of the OPDS acquisition type").hasSize(1);
        String template = urls.getFirst().getAttribute("template");
        assertThat(template).contains("{searchTerms}");
        assertThat(URI.create(template.replace("{searchTerms}", "x")).isAbsolute()).isTrue();
        return template;
    }

    static void assertRfc3339(String value) {
        assertThat(value).matches(RFC3339);
        OffsetDateTime.parse(value); // a real date and time, not only the right shape
    }

    // ---- XML
    // ----------------------------------------------------------------------------------

    /** Namespace-aware, no DTDs: fails on anything that is not well-formed XML. */
    static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        }
        catch (SAXException | IOException | ParserConfigurationException e) {
            return fail("not well-formed XML: " + e.getMessage() + "\n"
                    + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Valid against RFC 4287's RELAX NG schema
     * ({@code src/test/resources/opds/atom.rnc}).
     */
    static synchronized void assertSchemaValid(byte[] body) {
        try {
            if (atomSchema == null) {
                PropertyMapBuilder properties = new PropertyMapBuilder();
                properties.put(ValidateProperty.ERROR_HANDLER, SCHEMA_ERRORS);
                ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(),
                        CompactSchemaReader.getInstance());
                String schema = Objects.requireNonNull(OpdsAssert.class.getResource("/opds/atom.rnc")).toString();
                assertThat(driver.loadSchema(new InputSource(schema))).as("atom.rnc loads: %s", SCHEMA_ERRORS.messages)
                    .isTrue();
                atomSchema = driver;
            }
            SCHEMA_ERRORS.messages.clear();
            boolean valid = atomSchema.validate(new InputSource(new ByteArrayInputStream(body)));
            if (!valid || !SCHEMA_ERRORS.messages.isEmpty()) {
                fail("not valid against the Atom schema (RFC 4287): " + SCHEMA_ERRORS.messages + "\n"
                        + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        catch (SAXException | IOException e) {
            fail("Atom schema validation failed: " + e.getMessage());
        }
    }

    /**
     * The validator keeps the handler it was made with: one that collects into a list
     * cleared per document.
     */
    private static final CollectingHandler SCHEMA_ERRORS = new CollectingHandler();

    private static final class CollectingHandler implements ErrorHandler {

        final List<String> messages = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            messages.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }

    }

    /** Element children in {@code ns} named {@code name}; {@code null} for any. */
    static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (ns == null || ns.equals(e.getNamespaceURI()))
                    && (name == null || name.equals(e.getLocalName()))) {
                found.add(e);
            }
        }
        return found;
    }

    /** The text of the one such child, or {@code null} when there is none. */
    static String text(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertThat(found.size()).as("at most one %s", name).isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.getFirst().getTextContent();
    }

}
