package dev.articleexporter.render.epub;

import dev.articleexporter.model.BookIdentifier;
import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.render.Renderer;
import dev.articleexporter.render.TimeLimit;
import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Date;
import io.documentnode.epub4j.domain.GuideReference;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.MediaType;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Metadata;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Writes a digest as an EPUB 2.0.1 book for e-readers: a title page, the slides (one XHTML file
 * per slide, or grouped into parts of limited size for long articles: see {@link SlideFiles}) and
 * a closing page with the reading list and photo credits, with an NCX table of contents.
 *
 * <p>Right-to-left articles (by their language tag, see {@link TextDirection}) carry
 * {@code dir="rtl"} on {@code <html>} and {@code <body>} of every page; a heading or paragraph
 * whose first strong character runs the other way gets its own {@code dir}.
 *
 * <p>Stateless: every call builds its own {@link Book}, so one instance serves many threads.
 * All input text is escaped with {@link StringEscapeUtils#escapeXml10}; it never becomes markup.
 */
@OutputFormat(name = "epub", extension = "epub", mediaType = "application/epub+zip")
public class EpubRenderer implements Renderer {

    static final String CSS_HREF = "style.css";

    static final String TITLE_HREF = "title.xhtml";
    static final String CLOSING_HREF = "closing.xhtml";
    static final String IMAGE_DIR = "images/";

    private static final String DOCTYPE = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
            + "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n";

    /** Reads well on e-ink: relative sizes, serif, no light colours, hyphenation, fluid images. */
    private static final byte[] CSS = """
            body { font-family: serif; margin: 0 0.4em; line-height: 1.4; }
            p { margin: 0 0 0.8em 0; text-indent: 0; orphans: 2; widows: 2;
                -webkit-hyphens: auto; -epub-hyphens: auto; adobe-hyphenate: auto; hyphens: auto; }
            h1, h2 { font-family: serif; font-weight: bold; line-height: 1.2; text-align: left;
                -webkit-hyphens: manual; -epub-hyphens: manual; hyphens: manual;
                page-break-after: avoid; page-break-inside: avoid; }
            h1 { font-size: 1.6em; margin: 1.5em 0 0.6em 0; }
            h2 { font-size: 1.3em; margin: 0.6em 0 0.6em 0; }
            h2.credits-heading { page-break-before: always; }
            .byline, .author { font-size: 0.9em; color: #333333; margin: 0 0 0.3em 0;
                -webkit-hyphens: manual; -epub-hyphens: manual; hyphens: manual; }
            .source { font-size: 0.8em; margin: 0 0 1.2em 0; word-wrap: break-word; overflow-wrap: break-word; }
            .intro { margin-top: 1.2em; }
            .intro p { font-style: italic; }
            .figure { margin: 0.5em 0 0.2em 0; text-align: center; page-break-inside: avoid; }
            .figure img { max-width: 100%; height: auto; }
            .placeholder { font-size: 0.85em; font-style: italic; color: #333333; margin: 0.5em 0; }
            .credit { font-size: 0.75em; color: #333333; margin: 0 0 0.9em 0; text-align: right; }
            a { color: inherit; text-decoration: underline; }
            ul { margin: 0.4em 0 1.2em 1.2em; padding: 0; }
            li { margin: 0 0 0.4em 0; -webkit-hyphens: auto; -epub-hyphens: auto; hyphens: auto; }
            ul.credits li { font-size: 0.9em; }
            div.slide { margin: 0 0 1.5em 0; }
            [dir="rtl"] h1, [dir="rtl"] h2, h1[dir="rtl"], h2[dir="rtl"] { text-align: right; }
            h1[dir="ltr"], h2[dir="ltr"] { text-align: left; }
            [dir="rtl"] .credit { text-align: left; }
            [dir="rtl"] ul { margin: 0.4em 1.2em 1.2em 0; }
            """.getBytes(StandardCharsets.UTF_8);

    /** The articles' stylesheet, for books that hold articles among pages of their own. */
    static byte[] css() {
        return CSS.clone();
    }

    @Override
    public void render(Story digest, OutputStream out, Warnings warnings) throws IOException {
        Book book = buildBook(digest);
        // Buffered: the zip writes headers in small pieces. Finished, flushed, never closed.
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        EpubPackager.write(book, buffered);
        buffered.flush();
    }

    /**
     * A writer of a nightly digest (an edition) as one EPUB: the same article pages as this
     * renderer's books, under sections. One per edition; {@code out} is not closed.
     */
    @Override
    public DigestWriter digestWriter(OutputStream out) {
        return new EpubDigestWriter(out);
    }

    Book buildBook(Story digest) {
        Meta meta = digest.meta();
        Book book = new Book();
        fillMetadata(book.getMetadata(), digest, language(meta));
        book.getResources().add(new Resource("css", CSS, CSS_HREF, MediaTypes.CSS));
        Resource title = addArticle(book, digest, "", null);
        book.getGuide().addReference(new GuideReference(title, GuideReference.TITLE_PAGE, plain(meta.title())));
        return book;
    }

    /**
     * Adds one article's pages to a book, in reading order: its title page, its slides and the
     * closing page with the reading list and photo credits. The article's own book and the nightly
     * digest both use it, so an article reads the same in either.
     *
     * @param prefix  put in front of every file name and id of the article, so many articles can
     *                share a book ({@code ""} in the article's own book)
     * @param section the table of contents entry the article is listed under, by its title page
     *                only; {@code null} lists every page at the top level, as the article's own book does
     * @return the article's title page
     */
    static Resource addArticle(Book book, Story digest, String prefix, TOCReference section) {
        Meta meta = digest.meta();
        String lang = language(meta);
        boolean rtl = meta.rightToLeft();
        boolean ownBook = section == null;

        List<String> titlePages = titlePages(digest, lang, rtl);
        Resource title = xhtml(prefix + "title", prefix + TITLE_HREF, titlePages.getFirst());
        if (ownBook) {
            book.addSection(plain(meta.title()), title);
        } else {
            book.addSection(section, plain(meta.title()), title);
        }
        for (int n = 2; n <= titlePages.size(); n++) {
            // An intro too long for one file goes on in the next ones, read in order, not listed.
            addUnlisted(book, xhtml(prefix + "title-" + n, prefix + "title-" + n + ".xhtml", titlePages.get(n - 1)));
        }

        Map<String, String> imageHrefs = new HashMap<>();
        SlideFiles slides = new SlideFiles(book, prefix, ownBook, meta.title(), lang, rtl, digest.slides().size());
        for (Slide s : digest.slides()) {
            TimeLimit.checkCurrent(); // between slides: the article's time limit, if it has one
            slides.add(s, addImage(book, s.picture(), imageHrefs, prefix));
        }
        slides.finish();

        Related related = digest.related();
        boolean hasRelated = related != null && !related.links().isEmpty();
        if (hasRelated || !digest.credits().isEmpty()) {
            Resource closing = xhtml(prefix + "closing", prefix + CLOSING_HREF, closingPage(digest, lang, rtl));
            if (ownBook) {
                book.addSection(plain(hasRelated ? related.heading() : PHOTO_CREDITS), closing);
            } else {
                addUnlisted(book, closing);
            }
        }
        return title;
    }

    /** A page read in order (in the spine) that has no table of contents entry of its own. */
    static void addUnlisted(Book book, Resource page) {
        book.getResources().add(page);
        book.getSpine().addResource(page);
    }

    /** The digest's language, {@code en} when it has none. */
    static String language(Meta meta) {
        return meta.language() == null || meta.language().isBlank() ? "en" : meta.language();
    }

    // ---- metadata ----------------------------------------------------------------------------

    private static void fillMetadata(Metadata md, Story digest, String lang) {
        Meta meta = digest.meta();
        md.addTitle(plain(meta.title()));
        md.setLanguage(plain(lang));
        md.addIdentifier(new Identifier("uid", BookIdentifier.article(digest.id())));
        if (meta.published() != null) {
            md.addDate(new Date(meta.published().w3cdtf(), Date.Event.PUBLICATION));
        }
        if (meta.site() != null) {
            md.addPublisher(plain(meta.site()));
        }
        if (meta.creator() != null) {
            md.addAuthor(author(plain(meta.creator())));
        }
        if (meta.section() != null) {
            md.getSubjects().add(plain(meta.section()));
        }
        if (!digest.intro().isEmpty()) {
            md.addDescription(plain(description(digest.intro().getFirst())));
        }
    }

    /** Longest book description, in chars: readers show it as a blurb; an intro of megabytes is not one. */
    static final int MAX_DESCRIPTION = 2000;

    /** The first intro paragraph, cut after a word (with "…") if longer than {@link #MAX_DESCRIPTION}. */
    static String description(String intro) {
        if (intro.length() <= MAX_DESCRIPTION) {
            return intro;
        }
        int end = MAX_DESCRIPTION - 1;
        if (Character.isLowSurrogate(intro.charAt(end))) {
            end--;
        }
        for (int i = end; i > MAX_DESCRIPTION / 2; i--) {
            if (Character.isWhitespace(intro.charAt(i))) {
                end = i;
                break;
            }
        }
        return intro.substring(0, end).stripTrailing() + "…";
    }

    /** epub4j writes "first last" and file-as "last, first": split a person's name at its last space. */
    private static Author author(String name) {
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new Author("", trimmed)
                : new Author(trimmed.substring(0, space).strip(), trimmed.substring(space + 1));
    }

    // ---- pages -------------------------------------------------------------------------------

    private static final String PHOTO_CREDITS = "Photo credits";

    /**
     * The title page, and the pages its intro goes on to when it would take the file past
     * {@link SlideFiles#FILE_BUDGET} (as slides do; a paragraph larger than a file is cut into
     * several at white space).
     */
    private static List<String> titlePages(Story digest, String lang, boolean rtl) {
        Meta meta = digest.meta();
        StringBuilder b = head(meta.title(), lang, rtl);
        b.append("<div class=\"titlepage\">\n<h1 class=\"title\"").append(TextDirection.dirAttribute(meta.title(), rtl))
                .append('>').append(esc(meta.title())).append("</h1>\n");
        StringBuilder byline = new StringBuilder();
        for (String part : new String[] {meta.site(), meta.section(),
                meta.published() == null ? null : meta.published().display(Locale.forLanguageTag(lang))}) {
            if (part != null && !part.isBlank()) {
                byline.append(byline.isEmpty() ? "" : " · ").append(esc(part));
            }
        }
        if (!byline.isEmpty()) {
            b.append("<p class=\"byline\">").append(byline).append("</p>\n");
        }
        if (meta.author() != null && !meta.author().isBlank()) {
            b.append("<p class=\"author\"").append(TextDirection.dirAttribute(meta.author(), rtl)).append('>')
                    .append(esc(meta.author())).append("</p>\n");
        }
        String url = Hrefs.web(meta.url());
        if (url != null) {
            b.append("<p class=\"source\"><a href=\"").append(esc(url)).append("\">")
                    .append(esc(meta.url())).append("</a></p>\n");
        }
        List<String> pages = new ArrayList<>(1);
        if (!digest.intro().isEmpty()) {
            String open = "<div class=\"intro\">\n";
            String close = "</div>\n</div>\n";
            b.append(open);
            long bytes = SlideFiles.utf8Length(b.toString());
            for (String p : digest.intro()) {
                String escaped = esc(p);
                if (escaped.isBlank()) {
                    continue;
                }
                String dir = TextDirection.dirAttribute(p, rtl);
                List<String> pieces = SlideFiles.utf8Length(escaped) <= SlideFiles.MAX_PARAGRAPH ? List.of(escaped)
                        : SlideFiles.pieces(p, SlideFiles.MAX_PARAGRAPH).stream().map(EpubRenderer::esc).toList();
                for (String piece : pieces) {
                    String markup = "<p" + dir + ">" + piece + "</p>\n";
                    long size = SlideFiles.utf8Length(markup);
                    if (bytes + size + close.length() + TAIL.length() > SlideFiles.FILE_BUDGET) {
                        pages.add(tail(b.append(close)));
                        b = head(meta.title(), lang, rtl).append("<div class=\"titlepage\">\n").append(open);
                        bytes = SlideFiles.utf8Length(b.toString());
                    }
                    b.append(markup);
                    bytes += size;
                }
            }
            b.append("</div>\n");
        }
        b.append("</div>\n");
        pages.add(tail(b));
        return pages;
    }

    private static String closingPage(Story digest, String lang, boolean rtl) {
        Related related = digest.related();
        boolean hasRelated = related != null && !related.links().isEmpty();
        StringBuilder b = head(hasRelated ? related.heading() : PHOTO_CREDITS, lang, rtl);
        b.append("<div class=\"closing\">\n");
        if (hasRelated) {
            b.append("<h2").append(TextDirection.dirAttribute(related.heading(), rtl)).append('>')
                    .append(esc(related.heading())).append("</h2>\n<ul class=\"related\">\n");
            for (Related.Link link : related.links()) {
                String href = Hrefs.web(link.url());
                b.append("<li").append(TextDirection.dirAttribute(link.title(), rtl)).append('>');
                if (href != null) {
                    b.append("<a href=\"").append(esc(href)).append("\">").append(esc(link.title())).append("</a>");
                } else {
                    b.append(esc(link.title()));
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        if (!digest.credits().isEmpty()) {
            b.append(hasRelated ? "<h2 class=\"credits-heading\">" : "<h2>").append(PHOTO_CREDITS).append("</h2>\n");
            b.append("<ul class=\"credits\">\n");
            for (CreditLine line : digest.credits()) {
                b.append("<li>").append(esc(line.credit()));
                if (!line.slides().isEmpty()) {
                    b.append(" — ").append(line.slidesText());
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</div>\n");
        return tail(b);
    }

    /** Start of a page up to the opening {@code <body>}; {@code rtl} sets the direction of the whole page. */
    static StringBuilder head(String title, String lang, boolean rtl) {
        String l = esc(lang);
        String dir = rtl ? " dir=\"rtl\"" : "";
        StringBuilder b = new StringBuilder(2048);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DOCTYPE)
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"").append(l)
                .append("\" lang=\"").append(l).append('"').append(dir).append(">\n<head>\n<title>").append(esc(title))
                .append("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(CSS_HREF)
                .append("\"/>\n</head>\n<body").append(dir).append(">\n");
        return b;
    }

    static final String TAIL = "</body>\n</html>\n";

    static String tail(StringBuilder b) {
        return b.append(TAIL).toString();
    }

    // ---- resources ---------------------------------------------------------------------------

    static Resource xhtml(String id, String href, String content) {
        return new Resource(id, content.getBytes(StandardCharsets.UTF_8), href, MediaTypes.XHTML);
    }

    /**
     * Adds the slide's image to the book once per article (by name) and returns its relative src, or
     * {@code null} when there is nothing to embed.
     */
    private static String addImage(Book book, Picture picture, Map<String, String> added, String prefix) {
        if (picture == null || !picture.embeddable()) {
            return null;
        }
        Picture.ImageData data = picture.data();
        String known = added.get(data.name());
        if (known != null) {
            return known;
        }
        MediaType type = data.mediaType() == null ? null : MediaTypes.getMediaTypeByName(data.mediaType());
        if (type == null || !MediaTypes.isBitmapImage(type) || data.bytes() == null || data.bytes().length == 0) {
            return null;
        }
        int n = added.size() + 1;
        String href = IMAGE_DIR + prefix + Hrefs.fileName(data.name(), n, type);
        book.getResources().add(new Resource(prefix + "img" + n, data.bytes(), href, type));
        added.put(data.name(), href);
        return href;
    }

    // ---- text --------------------------------------------------------------------------------

    /** Text for markup we write ourselves: element content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        // Most text needs nothing; the library's translator chain is slow, so only text that needs it goes there.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c < 0x20 || (c >= 0x7F && c <= 0x9F)
                    || Character.isSurrogate(c) || c >= 0xFFFE) {
                return StringEscapeUtils.escapeXml10(text);
            }
        }
        return text;
    }

    /** Text handed to epub4j, which escapes it itself: only characters XML 1.0 cannot hold are dropped. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && b != null) {
                b.append(text, i, next);
            }
            i = next;
        }
        return b == null ? text : b.toString();
    }
}
