package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsTypes.ACQUISITION;
import static dev.articleexporter.web.opds.OpdsTypes.NAVIGATION;
import static dev.articleexporter.web.opds.OpdsTypes.OPENSEARCH;
import static dev.articleexporter.web.opds.OpdsTypes.REL_SORT_NEW;

import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.DigestHistory.Recorded;
import dev.articleexporter.history.Library;
import dev.articleexporter.history.Library.Filter;
import dev.articleexporter.history.Library.LibraryEntry;
import dev.articleexporter.history.Library.SectionCount;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.web.ServeSettings;
import dev.articleexporter.web.opds.Atom.Entry;
import dev.articleexporter.web.opds.Atom.Feed;
import dev.articleexporter.web.opds.Atom.Link;
import dev.articleexporter.web.opds.Atom.Paging;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The OPDS 1.2 catalog of one output folder, as documents to write: a root navigation
 * feed, the newest articles, sections, nightly digests and search results (paged
 * acquisition feeds), and one complete entry per article. Only files that are in the
 * folder get acquisition links ({@link CatalogEntries}). Made with OPDS 2 addresses
 * ({@link CatalogPaths#opds2()}), the same documents are the OPDS 2.0 catalog
 * ({@link Opds2Writer}).
 */
@Component
@EnableConfigurationProperties(OpdsProperties.class)
@ConditionalOnWebApplication
public class OpdsCatalog {

    /** The catalog's author, and the name reader apps show for it. */
    static final String PUBLISHER = "article-exporter";

    /**
     * Namespace of the catalog's own ids (feeds, navigation entries). Never change it:
     * readers keep what they know about a feed by its id. Articles and digests use their
     * EPUB's id.
     */
    private static final UUID ID_NAMESPACE = UUID.fromString("93b9ae25-32e3-49f8-86f7-eb84e0450e83");

    private final Library library;

    private final DigestHistory digests;

    private final Path folder;

    private final CatalogEntries catalogEntries;

    private final int pageSize;

    /**
     * @param formats every output format: an entry offers each one's file that is in the
     * folder
     */
    @Autowired
    public OpdsCatalog(Library library, DigestHistory digests, OutputFormats formats, ServeSettings settings,
            OpdsProperties properties) {
        this(library, digests, formats, settings.output(), properties.pageSize());
    }

    public OpdsCatalog(Library library, DigestHistory digests, OutputFormats formats, Path output, int pageSize) {
        this.library = library;
        this.digests = digests;
        this.folder = output.toAbsolutePath().normalize();
        this.catalogEntries = new CatalogEntries(this.folder, formats);
        this.pageSize = new OpdsProperties(pageSize).pageSize();
    }

    /** A page number past the last page of a feed. */
    static final class NoSuchPage extends RuntimeException {

        NoSuchPage(long page, long pages) {
            super("there is no page " + page + "; the feed has " + pages + (pages == 1 ? " page" : " pages"));
        }

    }

    // ---- navigation feeds

    /** {@code /opds}: the catalog root. */
    Feed root(CatalogPaths paths) {
        long articles = library.count(folder, Filter.ALL);
        long digests = this.digests.count(folder);
        long sections = library.sections(folder).stream().filter(s -> CatalogPaths.linkable(s.section())).count();
        Instant newestArticle = newest(Filter.ALL);
        Instant newestDigest = newestDigest();
        List<Entry> entries = List.of(
                navigation("/new", "Newest", newestArticle,
                        "All " + count(articles, "article") + ", the most recently exported first.",
                        Link.of(REL_SORT_NEW, paths.feed("/new"), ACQUISITION)),
                navigation("/sections", "By section", newestArticle, count(sections, "section") + ".",
                        Link.of("subsection", paths.feed("/sections"), NAVIGATION)),
                navigation("/digests", "Digests", newestDigest,
                        count(digests, "nightly digest") + ": each night's new articles in one book.",
                        Link.of("subsection", paths.feed("/digests"), ACQUISITION)));
        List<Link> links = new ArrayList<>(common(paths, paths.root(), NAVIGATION, null));
        links.add(Link.of(REL_SORT_NEW, paths.feed("/new"), ACQUISITION).titled("Newest"));
        // The same catalog in the other version, for apps that read it
        links.add(paths.v2() ? Link.of("alternate", paths.opds1().root(), NAVIGATION).titled("OPDS 1.2 catalog")
                : Link.of("alternate", paths.opds2().root(), OpdsTypes.OPDS2).titled("OPDS 2.0 catalog"));
        return new Feed(id("feed:/"), "Articles", latest(newestArticle, newestDigest), NAVIGATION, links, null,
                entries);
    }

    /** {@code /opds/sections}: one entry per section, with how many articles it has. */
    Feed sections(CatalogPaths paths) {
        List<Entry> entries = new ArrayList<>();
        for (SectionCount section : library.sections(folder)) {
            if (!CatalogPaths.linkable(section.section())) {
                continue; // no URL can name it; its articles stay in the other feeds
            }
            String path = CatalogPaths.section(section.section());
            Link link = new Link("subsection", paths.feed(path), ACQUISITION, null, null, section.articles());
            entries.add(navigation("section:" + section.section(), section.section(),
                    newest(new Filter(null, section.section())), count(section.articles(), "article") + ".", link));
        }
        List<Link> links = new ArrayList<>(common(paths, paths.feed("/sections"), NAVIGATION, paths.root()));
        links.add(Link.of(REL_SORT_NEW, paths.feed("/new"), ACQUISITION).titled("Newest"));
        Instant updated = entries.stream()
            .map(Entry::updated)
            .max(Comparator.naturalOrder())
            .orElseGet(OpdsCatalog::now);
        return new Feed(id("feed:/sections"), "Sections", updated, NAVIGATION, links, null, entries);
    }

    private Entry navigation(String key, String title, Instant updated, String description, Link link) {
        return new Entry(id("navigation:" + key), title, Objects.requireNonNullElseGet(updated, OpdsCatalog::now), null,
                null, null, null, null, null, description, List.of(link));
    }

    // ---- acquisition feeds

    /** {@code /opds/new}: every article, the most recently rendered first. */
    Feed newest(CatalogPaths paths, long page) {
        return articles(paths, "/new", "Newest articles", paths.root(), Filter.ALL, page);
    }

    /**
     * {@code /opds/sections/...}: one section's articles, or empty when no article has
     * that section.
     */
    Optional<Feed> section(CatalogPaths paths, String name, long page) {
        if (name == null || name.isBlank() || library.count(folder, new Filter(null, name)) == 0) {
            return Optional.empty();
        }
        return Optional.of(articles(paths, CatalogPaths.section(name), name, paths.feed("/sections"),
                new Filter(null, name), page));
    }

    /**
     * {@code /opds/search?q=}: articles whose title, summary, site or author contain
     * {@code query}.
     */
    Feed search(CatalogPaths paths, String query, long page) {
        return articles(paths, paths.search(query), "Search: " + query, paths.root(), new Filter(query, null), page);
    }

    private Feed articles(CatalogPaths paths, String path, String title, String up, Filter filter, long page) {
        long total = library.count(folder, filter);
        List<Entry> entries = entries(page, total,
                offset -> library.articles(folder, filter, offset, pageSize)
                    .stream()
                    .map(a -> catalogEntries.article(paths, a))
                    .flatMap(Optional::stream)
                    .toList());
        return acquisition(paths, "feed:" + (filter.text() != null ? "/search?" + filter.text() : path), path, title,
                up, newest(filter), total, page, entries);
    }

    /** {@code /opds/digests}: the nightly digests, newest first. */
    Feed digests(CatalogPaths paths, long page) {
        long total = digests.count(folder);
        List<Entry> entries = entries(page, total,
                offset -> digests.list(folder, offset, pageSize)
                    .stream()
                    .map(e -> catalogEntries.digest(paths, e))
                    .flatMap(Optional::stream)
                    .toList());
        return acquisition(paths, "feed:/digests", "/digests", "Nightly digests", paths.root(), newestDigest(), total,
                page, entries);
    }

    /**
     * An article's complete catalog entry, when it is in the folder with at least one
     * file.
     */
    Optional<Entry> entry(CatalogPaths paths, String fileStem) {
        return library.find(folder, fileStem).flatMap(a -> catalogEntries.article(paths, a));
    }

    private List<Entry> entries(long page, long total, IntFunction<List<Entry>> pageAt) {
        long pages = pages(total);
        if (page < 1 || page > pages) {
            throw new NoSuchPage(page, pages);
        }
        return pageAt.apply(Math.toIntExact((page - 1) * pageSize));
    }

    private long pages(long total) {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    private Feed acquisition(CatalogPaths paths, String idKey, String path, String title, String up, Instant updated,
            long total, long page, List<Entry> entries) {
        long pages = pages(total);
        List<Link> links = new ArrayList<>(common(paths, paths.page(path, page), ACQUISITION, up));
        links.add(Link.of("first", paths.page(path, 1), ACQUISITION));
        if (page > 1) {
            links.add(Link.of("previous", paths.page(path, page - 1), ACQUISITION));
        }
        if (page < pages) {
            links.add(Link.of("next", paths.page(path, page + 1), ACQUISITION));
        }
        links.add(Link.of("last", paths.page(path, pages), ACQUISITION));
        Paging paging = new Paging(total, pageSize, (page - 1) * pageSize + 1);
        return new Feed(id(idKey), title, Objects.requireNonNullElseGet(updated, OpdsCatalog::now), ACQUISITION, links,
                paging, entries);
    }

    /** {@code self}, {@code start}, {@code up} (when there is one) and {@code search}. */
    private static List<Link> common(CatalogPaths paths, String self, String selfType, String up) {
        List<Link> links = new ArrayList<>();
        links.add(Link.of("self", self, selfType));
        links.add(Link.of("start", paths.root(), NAVIGATION).titled("Home"));
        if (up != null) {
            links.add(Link.of("up", up, NAVIGATION));
        }
        links.add(Link.of("search", paths.feed("/opensearch.xml"), OPENSEARCH).titled("Search articles"));
        return links;
    }

    // ---- helpers

    private Instant newest(Filter filter) {
        return library.articles(folder, filter, 0, 1)
            .stream()
            .map(LibraryEntry::rendered)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    }

    private Instant newestDigest() {
        return digests.list(folder, 0, 1)
            .stream()
            .map(Recorded::created)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    }

    /** The later of two instants; now when neither is known (an empty catalog). */
    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a != null ? a : b != null ? b : now();
        }
        return a.isAfter(b) ? a : b;
    }

    private static Instant now() {
        return Instant.now();
    }

    /** {@code n} and the noun, plural unless {@code n} is 1. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A stable {@code urn:uuid} for one of the catalog's own documents or entries of this
     * folder.
     */
    private String id(String key) {
        byte[] name = (folder + "\n" + key).getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(16 + name.length);
        bytes.putLong(ID_NAMESPACE.getMostSignificantBits()).putLong(ID_NAMESPACE.getLeastSignificantBits()).put(name);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(bytes.array());
    }

}
