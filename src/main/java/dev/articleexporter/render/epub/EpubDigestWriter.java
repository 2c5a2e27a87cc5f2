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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes an edition as one EPUB 2.0.1 book, like a periodical issue: a title page (title, date,
 * what it holds), a contents page, then for each section a page listing its articles, followed by
 * the articles with exactly the pages of their own books ({@link EpubRenderer#addArticle}: title
 * page with intro, slides with their pictures, reading list and photo credits). The NCX has two
 * levels: sections, and under each its articles.
 *
 * <p>Each article's files go into the zip as soon as it is added, and the book keeps only their
 * names: an edition of hundreds of illustrated articles needs the memory of one.
 */
final class EpubDigestWriter implements DigestWriter {

    static final String TITLE_HREF = "digest-title.xhtml";
    static final String CONTENTS_HREF = "digest-contents.xhtml";
    static final String EDITION_CSS_HREF = "digest.css";

    /** The edition's own pages, on top of the articles' stylesheet. */
    private static final byte[] EDITION_CSS = """
            div.masthead { margin: 3em 0 0 0; text-align: center; }
            h1.edition { font-size: 2em; margin: 0 0 0.4em 0; text-align: center; }
            p.date { font-size: 1.2em; margin: 0 0 1.2em 0; text-align: center; }
            p.extent { margin: 0 0 0.6em 0; text-align: center; }
            p.note { font-size: 0.85em; font-style: italic; margin: 1.5em 0 0 0; text-align: center; }
            ul.sections { list-style: none; margin: 1.5em 0 0 0; padding: 0; text-align: center; }
            ul.contents { list-style: none; margin: 0.2em 0 1em 0; padding: 0; }
            ul.contents li { margin: 0 0 0.5em 0; }
            p.count { font-size: 0.9em; color: #333333; margin: 0 0 1em 0; }
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_DATA = new byte[0];

    private final OutputStream out;
    private Book book;
    private EpubPackager.Container zip;
    /** Hrefs already in the zip. */
    private final Set<String> written = new HashSet<>();
    private TOCReference section;

    /** @param out the caller's stream; flushed at the end, never closed */
    EpubDigestWriter(OutputStream out) {
        // Buffered: the zip writes headers in small pieces.
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** Part of every file name and id of an article in the book: {@code a007-}. */
    static String prefix(Digest.Entry entry) {
        return String.format(Locale.ROOT, "a%03d-", entry.number());
    }

    static String sectionHref(Digest.Section part) {
        return String.format(Locale.ROOT, "digest-section-%02d.xhtml", part.number());
    }

    @Override
    public void start(Digest edition) throws IOException {
        book = new Book();
        fillMetadata(book.getMetadata(), edition);
        book.getResources().add(new Resource("css", EpubRenderer.css(), EpubRenderer.CSS_HREF, MediaTypes.CSS));
        book.getResources().add(new Resource("digest-css", EDITION_CSS, EDITION_CSS_HREF, MediaTypes.CSS));

        Resource title = new Resource("digest-title", titlePage(edition), TITLE_HREF, MediaTypes.XHTML);
        EpubRenderer.addUnlisted(book, title);
        book.getGuide().addReference(new GuideReference(title, GuideReference.TITLE_PAGE, EpubRenderer.plain(edition.title())));
        Resource contents = new Resource("digest-contents", contentsPage(edition), CONTENTS_HREF, MediaTypes.XHTML);
        EpubRenderer.addUnlisted(book, contents);
        book.getGuide().addReference(new GuideReference(contents, GuideReference.TOC, "Contents"));

        zip = EpubPackager.Container.open(out);
        flush();
    }

    @Override
    public void section(Digest.Section part) throws IOException {
        Resource page = new Resource(String.format(Locale.ROOT, "digest-section-%02d", part.number()), sectionPage(part),
                sectionHref(part), MediaTypes.XHTML);
        section = book.addSection(EpubRenderer.plain(part.name()), page);
        flush();
    }

    @Override
    public void article(Digest.Entry entry, Story digest) throws IOException {
        EpubRenderer.addArticle(book, digest, prefix(entry), section);
        flush();
    }

    @Override
    public void finish() throws IOException {
        zip.finish(book);
        out.flush();
    }

    /** Writes every resource not yet in the zip and lets go of its bytes: the book keeps its name for the package document. */
    private void flush() throws IOException {
        for (Resource resource : book.getResources().getAll()) {
            if (written.add(resource.getHref())) {
                zip.add(resource);
                resource.setData(NO_DATA);
            }
        }
    }

    // ---- metadata ----------------------------------------------------------------------------

    private static void fillMetadata(Metadata md, Digest edition) {
        md.addTitle(EpubRenderer.plain(edition.title()));
        md.setLanguage(EpubRenderer.plain(edition.language()));
        md.addIdentifier(new Identifier("uid", BookIdentifier.digest(edition.fileStem())));
        md.addDate(new Date(edition.date().toString(), Date.Event.PUBLICATION));
        md.addType("Periodical");
        List<String> sections = realSections(edition);
        sections.forEach(s -> md.getSubjects().add(EpubRenderer.plain(s)));
        md.addDescription(EpubRenderer.plain(edition.extent()
                + (sections.isEmpty() ? "." : ": " + String.join(", ", sections) + ".")));
    }

    /** Slide names of the articles, without the group of articles that had none. */
    private static List<String> realSections(Digest edition) {
        return edition.sections().stream()
                .filter(p -> !p.articles().isEmpty() && p.articles().getFirst().section() != null)
                .map(Digest.Section::name).collect(Collectors.toList());
    }

    // ---- pages -------------------------------------------------------------------------------

    private static byte[] titlePage(Digest edition) {
        XhtmlPage page = new XhtmlPage(edition.title(), "en", false, EpubRenderer.CSS_HREF, EDITION_CSS_HREF);
        page.start("div", "class", "masthead");
        page.element("h1", Digest.NAME, "class", "edition");
        page.element("p", Digest.longDate(edition.date()), "class", "date");
        page.element("p", edition.extent(), "class", "extent");
        page.start("ul", "class", "sections");
        for (Digest.Section part : edition.sections()) {
            page.start("li").start("a", "href", sectionHref(part), "dir", TextDirection.dir(part.name(), false))
                    .text(part.name()).end().end();
        }
        page.end();
        if (edition.leftOutNote() != null) {
            page.element("p", edition.leftOutNote(), "class", "note");
        }
        page.end();
        return page.finish();
    }

    private static byte[] contentsPage(Digest edition) {
        XhtmlPage page = new XhtmlPage("Contents", "en", false, EpubRenderer.CSS_HREF, EDITION_CSS_HREF);
        page.element("h1", "Contents");
        for (Digest.Section part : edition.sections()) {
            page.start("h2").start("a", "href", sectionHref(part), "dir", TextDirection.dir(part.name(), false))
                    .text(part.name()).end().end();
            articleList(page, part);
        }
        return page.finish();
    }

    private static byte[] sectionPage(Digest.Section part) {
        XhtmlPage page = new XhtmlPage(part.name(), "en", false, EpubRenderer.CSS_HREF, EDITION_CSS_HREF);
        page.element("h1", part.name(), "dir", TextDirection.dir(part.name(), false));
        int n = part.articles().size();
        page.element("p", n + (n == 1 ? " article" : " articles"), "class", "count");
        articleList(page, part);
        return page.finish();
    }

    /** The part's articles, each a link to its title page, in its own language and direction. */
    private static void articleList(XhtmlPage page, Digest.Section part) {
        page.start("ul", "class", "contents");
        for (Digest.Entry entry : part.articles()) {
            page.start("li", "xml:lang", entry.language(), "dir", TextDirection.dir(entry.title(), false))
                    .start("a", "href", prefix(entry) + EpubRenderer.TITLE_HREF).text(entry.title()).end()
                    .end();
        }
        page.end();
    }
}
