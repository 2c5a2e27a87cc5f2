package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsTypes.OPDS2;
import static dev.articleexporter.web.opds.OpdsTypes.OPDS2_PUBLICATION;

import dev.articleexporter.input.XmlCharacters;
import dev.articleexporter.web.opds.Atom.Entry;
import dev.articleexporter.web.opds.Atom.Feed;
import dev.articleexporter.web.opds.Atom.Link;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the catalog's documents as OPDS 2.0 JSON. The documents are the ones
 * {@link OpdsCatalog} makes for OPDS 1.2, made with OPDS 2 addresses
 * ({@link CatalogPaths#opds2()}): so both catalogs have the same navigation, entries,
 * paging and covers by construction, and only the writing differs. Links to this
 * catalog's own documents get OPDS 2 media types; links elsewhere (files, the OPDS 1.2
 * catalog) keep theirs.
 */
final class Opds2Writer {

    /** What an exported article is, for reader apps (schema.org). */
    static final String ARTICLE_TYPE = "http://schema.org/Book";

    /** What a nightly digest is: one issue of a periodical. */
    static final String DIGEST_TYPE = "http://schema.org/PublicationIssue";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * BCP 47, loosely: what the Readium schema's pattern accepts for every tag the export
     * writes; anything else is left out rather than sent invalid.
     */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern DATE_TIME = Pattern
        .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private Opds2Writer() {
    }

    /**
     * A feed.
     * @param publicationType the schema.org type of its publications
     */
    static byte[] feed(Feed feed, CatalogPaths paths, String publicationType) {
        List<Opds2.Link> links = feed.links().stream().map(l -> link(l, paths)).toList();
        List<Opds2.Link> navigation = new ArrayList<>();
        List<Opds2.Publication> publications = new ArrayList<>();
        for (Entry entry : feed.entries()) {
            if (feed.type().equals(OpdsTypes.NAVIGATION)) {
                Link to = entry.links().getFirst();
                navigation.add(new Opds2.Link(to.rel(), to.href(), type(to, paths), text(entry.title()), null, null,
                        null, null, to.count() == null ? null : new Opds2.Properties(to.count())));
            }
            else {
                publications.add(publication(entry, paths, publicationType));
            }
        }
        if (navigation.isEmpty() && publications.isEmpty()) {
            // OPDS 2 wants a navigation or publications collection, never an empty one:
            // an empty list (a search without results) leads back instead.
            Link up = feed.links().stream().filter(l -> "up".equals(l.rel())).findFirst().orElse(null);
            navigation.add(up != null ? Opds2.Link.of("up", up.href(), OPDS2, "Back")
                    : Opds2.Link.of("start", paths.root(), OPDS2, "Home"));
        }
        Atom.Paging paging = feed.paging();
        Opds2.FeedMetadata metadata = new Opds2.FeedMetadata(feed.id(), text(feed.title()),
                AtomWriter.timestamp(feed.updated()), paging == null ? null : paging.totalResults(),
                paging == null ? null : paging.itemsPerPage(),
                paging == null ? null : (paging.startIndex() - 1) / paging.itemsPerPage() + 1);
        return JSON.writeValueAsBytes(new Opds2.Feed(metadata, links, navigation, publications));
    }

    /** A publication on its own ({@code application/opds-publication+json}). */
    static byte[] publication(Entry entry, CatalogPaths paths) {
        return JSON.writeValueAsBytes(publication(entry, paths, ARTICLE_TYPE));
    }

    private static Opds2.Publication publication(Entry entry, CatalogPaths paths, String type) {
        Opds2.Metadata metadata = new Opds2.Metadata(type, entry.id(), text(entry.title()), text(entry.author()),
                language(entry.language()), AtomWriter.timestamp(entry.updated()), published(entry.issued()),
                text(entry.publisher()), text(entry.category()),
                text(entry.summary() != null ? entry.summary() : entry.content()));
        List<Opds2.Link> links = new ArrayList<>();
        List<Opds2.Link> images = new ArrayList<>();
        for (Link link : entry.links()) {
            if (OpdsTypes.REL_IMAGE.equals(link.rel()) || OpdsTypes.REL_THUMBNAIL.equals(link.rel())) {
                // the cover first: the specification's examples and apps take the first
                // as the cover
                images.add(new Opds2.Link(null, link.href(), link.type(), null, null, link.width(), link.height(), null,
                        null));
            }
            else if ("alternate".equals(link.rel()) && OpdsTypes.ENTRY.equals(link.type())) {
                links.add(Opds2.Link.of("self", link.href(), OPDS2_PUBLICATION, null));
            }
            else {
                links.add(link(link, paths));
            }
        }
        return new Opds2.Publication(metadata, links, images);
    }

    private static Opds2.Link link(Link link, CatalogPaths paths) {
        if ("search".equals(link.rel()) && OpdsTypes.OPENSEARCH.equals(link.type())) {
            // OPDS 2 searches with a URI template and the "query" parameter, no
            // description document
            return new Opds2.Link("search", paths.feed("/search{?query}"), OPDS2, text(link.title()), true, null, null,
                    null, null);
        }
        return new Opds2.Link(link.rel(), link.href(), type(link, paths), text(link.title()), null, null, null,
                link.length(), link.count() == null ? null : new Opds2.Properties(link.count()));
    }

    /** This catalog's documents in OPDS 2 types; anything else as it is. */
    private static String type(Link link, CatalogPaths paths) {
        if (link.type() == null || !paths.isCatalog(link.href())) {
            return link.type();
        }
        return OpdsTypes.ENTRY.equals(link.type()) ? OPDS2_PUBLICATION : OPDS2;
    }

    private static String language(String language) {
        return language != null && LANGUAGE.matcher(language).matches() ? language : null;
    }

    /**
     * The W3CDTF date when it is a date or date-time as JSON Schema means them (RFC
     * 3339); a year or month alone is left out.
     */
    private static String published(String issued) {
        if (issued == null) {
            return null;
        }
        try {
            if (DATE.matcher(issued).matches()) {
                LocalDate.parse(issued);
                return issued;
            }
            if (DATE_TIME.matcher(issued).matches()) {
                OffsetDateTime.parse(issued);
                return issued;
            }
        }
        catch (DateTimeParseException e) {
            // not a real date: left out
        }
        return null;
    }

    /**
     * Text as the database holds it, without what no document may carry (lone surrogates,
     * control characters).
     */
    private static String text(String value) {
        return value == null ? null : XmlCharacters.cleaned(value);
    }

}
