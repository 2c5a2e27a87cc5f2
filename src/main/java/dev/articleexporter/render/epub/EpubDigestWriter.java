package dev.articleexporter.render.epub;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Digest;
import dev.articleexporter.render.DigestWriter;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Date;
import io.documentnode.epub4j.domain.GuideReference;
import dev.articleexporter.model.BookIdentifier;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Metadata;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a digest as one EPUB 3.3 book, like a periodical issue: its cover, a title page
 * (title, date, what it holds), a contents page, then for each section a page listing its
 * articles, followed by the articles, each one content document as in its own book
 * ({@link ArticlePages#add}), starting a new page. The navigation document and the NCX
 * have two levels: sections, and under each its articles. Its creator and publisher are
 * the sites of its articles; its accessibility metadata sums up theirs.
 *
 * <p>
 * Each article's files go into the zip as soon as it is added, and the book keeps only
 * their names: a digest of hundreds of illustrated articles needs the memory of one.
 */
final class EpubDigestWriter implements DigestWriter {

    static final String TITLE_HREF = "digest-title.xhtml";
    static final String CONTENTS_HREF = "digest-contents.xhtml";
    static final String DIGEST_CSS_HREF = "digest.css";

    /** The digest's own pages, on top of the articles' stylesheet. */
    private static final byte[] DIGEST_CSS = """
            .masthead { margin: 3em 0 0 0; text-align: center; }
            h1.edition { font-size: 2em; margin: 0 0 0.4em 0; text-align: center; }
            p.date { font-size: 1.2em; margin: 0 0 1.2em 0; text-align: center; }
            p.extent { margin: 0 0 0.6em 0; text-align: center; }
            p.note { font-size: 0.85em; font-style: italic; margin: 1.5em 0 0 0; text-align: center; }
            ul.sections { list-style: none; margin: 1.5em 0 0 0; padding: 0; text-align: center; }
            ul.contents { list-style: none; margin: 0.2em 0 1em 0; padding: 0; }
            ul.contents li { margin: 0 0 0.5em 0; }
            p.count { font-size: 0.9em; margin: 0 0 1em 0; }
            """.getBytes(StandardCharsets.UTF_8);

    private static final byte[] NO_DATA = new byte[0];

    private static final int MAX_MAKERS = 3;

    /** The maker of a digest none of whose articles names its site. */
    private static final String PUBLISHER = "article-exporter";

    private final OutputStream out;

    private Book book;

    private EpubPackager.Container zip;

    /** Hrefs already in the zip. */
    private final Set<String> written = new HashSet<>();

    private TOCReference section;

    private final Clock clock;

    /** The href of each article of the digest by its title, for reading lists. */
    private final Map<String, String> articles = new HashMap<>();

    /** Sites of the articles, by how many articles each has, in order of first use. */
    private final Map<String, Integer> sites = new LinkedHashMap<>();

    /** The language of each article, by the href of its first file. */
    private final Map<String, String> languages = new HashMap<>();

    private Accessibility accessibility = Accessibility.TEXT_ONLY;

    /**
     * @param out the caller's stream; flushed at the end, never closed
     * @param clock tells when the book is made
     */
    EpubDigestWriter(OutputStream out, Clock clock) {
        // Buffered: the zip writes headers in small pieces.
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.clock = clock;
    }

    /** Part of every file name and id of an article in the book: {@code a007-}. */
    static String prefix(Digest.Entry entry) {
        return String.format(Locale.ROOT, "a%03d-", entry.number());
    }

    static String sectionHref(Digest.Section section) {
        return String.format(Locale.ROOT, "digest-section-%02d.xhtml", section.number());
    }

    @Override
    public void start(Digest digest) throws IOException {
        book = new Book();
        fillMetadata(book.getMetadata(), digest);
        book.getResources().add(new Resource("css", EpubRenderer.css(), EpubRenderer.CSS_HREF, MediaTypes.CSS));
        book.getResources().add(new Resource("digest-css", DIGEST_CSS, DIGEST_CSS_HREF, MediaTypes.CSS));
        if (digest.cover() != null) {
            ArticlePages.addCover(book, digest.cover(), digest.title(), digest.language(), false);
        }

        Resource title = new Resource("digest-title", titlePage(digest), TITLE_HREF, MediaTypes.XHTML);
        addUnlisted(book, title);
        book.getGuide()
            .addReference(new GuideReference(title, GuideReference.TITLE_PAGE, EpubRenderer.plain(digest.title())));
        Resource contents = new Resource("digest-contents", contentsPage(digest), CONTENTS_HREF, MediaTypes.XHTML);
        addUnlisted(book, contents);
        book.getGuide().addReference(new GuideReference(contents, GuideReference.TOC, "Contents"));
        for (Digest.Section s : digest.sections()) {
            for (Digest.Entry entry : s.articles()) {
                articles.putIfAbsent(key(entry.title()), articleHref(entry));
            }
        }

        zip = EpubPackager.Container.open(out);
        flush();
    }

    @Override
    public void section(Digest.Section section) throws IOException {
        Resource page = new Resource(String.format(Locale.ROOT, "digest-section-%02d", section.number()),
                sectionPage(section), sectionHref(section), MediaTypes.XHTML);
        this.section = book.addSection(EpubRenderer.plain(section.name()), page);
        if (section.number() == 1) {
            book.getGuide().addReference(new GuideReference(page, GuideReference.TEXT, "Start"));
        }
        flush();
    }

    @Override
    public void article(Digest.Entry entry, Story story) throws IOException {
        Resource first = ArticlePages.add(book, story, prefix(entry), section, title -> articles.get(key(title)));
        languages.put(first.getHref(), ArticlePages.language(story.meta()));
        accessibility = accessibility.and(Accessibility.of(story));
        if (story.meta().site() != null && !story.meta().site().isBlank()) {
            sites.merge(EpubRenderer.plain(story.meta().site().strip()), 1, Integer::sum);
        }
        flush();
    }

    @Override
    public void finish() throws IOException {
        addMakers(book.getMetadata());
        zip.finish(book, new PackageDocument.Extras(EpubRenderer.modified(clock), false, accessibility, languages));
        out.flush();
    }

    /**
     * Who made the issue: the sites of its articles, most articles first (at most
     * {@value #MAX_MAKERS}); the exporter when none is known. Readers show "Unknown"
     * without one.
     */
    private void addMakers(Metadata md) {
        List<String> names = sites.entrySet()
            .stream()
            .sorted((a, b) -> b.getValue() - a.getValue())
            .limit(MAX_MAKERS)
            .map(Map.Entry::getKey)
            .toList();
        if (names.isEmpty()) {
            names = List.of(PUBLISHER);
        }
        names.forEach(name -> md.addAuthor(BookMetadata.organisation(name)));
        md.addPublisher(String.join(", ", names));
    }

    /** A title as reading lists may spell it: case and spacing aside. */
    private static String key(String title) {
        return title == null ? "" : title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String articleHref(Digest.Entry entry) {
        return prefix(entry) + ArticleDocument.HREF;
    }

    /** A page read in order that has no table of contents entry of its own. */
    private static void addUnlisted(Book book, Resource page) {
        book.getResources().add(page);
        book.getSpine().addResource(page);
    }

    /**
     * Writes every resource not yet in the zip and lets go of its bytes: the book keeps
     * its name for the package document.
     */
    private void flush() throws IOException {
        for (Resource resource : book.getResources().getAll()) {
            if (written.add(resource.getHref())) {
                zip.add(resource);
                resource.setData(NO_DATA);
            }
        }
    }

    // ---- metadata
    // ----------------------------------------------------------------------------

    private static void fillMetadata(Metadata md, Digest digest) {
        md.addTitle(EpubRenderer.plain(digest.title()));
        md.setLanguage(EpubRenderer.plain(digest.language()));
        md.addIdentifier(new Identifier("uid", BookIdentifier.digest(digest.fileStem())));
        md.addDate(new Date(digest.date().toString(), Date.Event.PUBLICATION));
        md.addType("Periodical");
        List<String> sections = realSections(digest);
        sections.forEach(s -> md.getSubjects().add(EpubRenderer.plain(s)));
        md.addDescription(EpubRenderer
            .plain(digest.extent() + (sections.isEmpty() ? "." : ": " + String.join(", ", sections) + ".")));
    }

    /** Slide names of the articles, without the group of articles that had none. */
    private static List<String> realSections(Digest digest) {
        return digest.sections()
            .stream()
            .filter(p -> !p.articles().isEmpty() && p.articles().getFirst().section() != null)
            .map(Digest.Section::name)
            .collect(Collectors.toList());
    }

    // ---- pages
    // -------------------------------------------------------------------------------

    private static byte[] titlePage(Digest digest) {
        XhtmlPage page = new XhtmlPage(digest.title(), "en", false, "frontmatter", EpubRenderer.CSS_HREF,
                DIGEST_CSS_HREF);
        page.start("section", "class", "masthead", "epub:type", "titlepage");
        page.element("h1", Digest.NAME, "class", "edition");
        page.element("p", Digest.longDate(digest.date()), "class", "date");
        page.element("p", digest.extent(), "class", "extent");
        page.start("ul", "class", "sections");
        for (Digest.Section section : digest.sections()) {
            page.start("li")
                .start("a", "href", sectionHref(section), "dir", TextDirection.dir(section.name(), false))
                .text(section.name())
                .end()
                .end();
        }
        page.end();
        if (digest.leftOutNote() != null) {
            page.element("p", digest.leftOutNote(), "class", "note");
        }
        page.end();
        return page.finish();
    }

    private static byte[] contentsPage(Digest digest) {
        XhtmlPage page = new XhtmlPage("Contents", "en", false, "frontmatter", EpubRenderer.CSS_HREF, DIGEST_CSS_HREF);
        page.element("h1", "Contents");
        for (Digest.Section section : digest.sections()) {
            page.start("h2")
                .start("a", "href", sectionHref(section), "dir", TextDirection.dir(section.name(), false))
                .text(section.name())
                .end()
                .end();
            articleList(page, section);
        }
        return page.finish();
    }

    private static byte[] sectionPage(Digest.Section section) {
        XhtmlPage page = new XhtmlPage(section.name(), "en", false, "bodymatter", EpubRenderer.CSS_HREF,
                DIGEST_CSS_HREF);
        page.start("section", "class", "part", "epub:type", "part", "role", "doc-part", "aria-labelledby", "part-h");
        page.element("h1", section.name(), "id", "part-h", "dir", TextDirection.dir(section.name(), false));
        int n = section.articles().size();
        page.element("p", n + (n == 1 ? " article" : " articles"), "class", "count");
        articleList(page, section);
        page.end();
        return page.finish();
    }

    /**
     * The section's articles, each a link to its title page, in its own language and
     * direction.
     */
    private static void articleList(XhtmlPage page, Digest.Section section) {
        page.start("ul", "class", "contents");
        for (Digest.Entry entry : section.articles()) {
            page.start("li", "xml:lang", entry.language(), "dir", TextDirection.dir(entry.title(), false))
                .start("a", "href", articleHref(entry))
                .text(entry.title())
                .end()
                .end();
        }
        page.end();
    }

}
