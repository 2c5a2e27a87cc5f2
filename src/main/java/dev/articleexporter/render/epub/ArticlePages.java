package dev.articleexporter.render.epub;

import static dev.articleexporter.render.epub.Markup.esc;
import static dev.articleexporter.render.epub.Markup.head;
import static dev.articleexporter.render.epub.Markup.plain;
import static dev.articleexporter.render.epub.Markup.tail;
import static dev.articleexporter.render.epub.Markup.xhtml;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.render.TimeLimit;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.MediaType;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages of one story in a book, in reading order: its title page (with the intro),
 * its slides ({@link SlideFiles}), its pictures, and the closing page with the reading
 * list and the photo credits. The story's own book and the nightly digest both use it, so
 * a story reads the same in either.
 */
final class ArticlePages {

    static final String TITLE_HREF = "title.xhtml";
    static final String CLOSING_HREF = "closing.xhtml";
    static final String IMAGE_DIR = "images/";

    private static final String PHOTO_CREDITS = "Photo credits";

    private ArticlePages() {
    }

    /**
     * Adds one story's pages to a book.
     * @param prefix put in front of every file name and id of the story, so many stories
     * can share a book ({@code ""} in the story's own book)
     * @param section the table of contents entry the story is listed under, by its title
     * page only; {@code null} lists every page at the top level, as the story's own book
     * does
     * @return the story's title page
     */
    static Resource add(Book book, Story story, String prefix, TOCReference section) {
        Meta meta = story.meta();
        String lang = language(meta);
        boolean rtl = meta.rightToLeft();
        boolean ownBook = section == null;

        List<String> titlePages = titlePages(story, lang, rtl);
        Resource title = xhtml(prefix + "title", prefix + TITLE_HREF, titlePages.getFirst());
        if (ownBook) {
            book.addSection(plain(meta.title()), title);
        }
        else {
            book.addSection(section, plain(meta.title()), title);
        }
        for (int n = 2; n <= titlePages.size(); n++) {
            // An intro too long for one file goes on in the next ones, read in order, not
            // listed.
            addUnlisted(book, xhtml(prefix + "title-" + n, prefix + "title-" + n + ".xhtml", titlePages.get(n - 1)));
        }

        Map<String, String> imageHrefs = new HashMap<>();
        SlideFiles slides = new SlideFiles(book, prefix, ownBook, meta.title(), lang, rtl, story.slides().size());
        for (Slide slide : story.slides()) {
            // between slides: the article's time limit, if it has one
            TimeLimit.checkCurrent();
            slides.add(slide, addImage(book, slide.picture(), imageHrefs, prefix));
        }
        slides.finish();

        Related related = story.related();
        boolean hasRelated = related != null && !related.links().isEmpty();
        if (hasRelated || !story.credits().isEmpty()) {
            Resource closing = xhtml(prefix + "closing", prefix + CLOSING_HREF, closingPage(story, lang, rtl));
            if (ownBook) {
                book.addSection(plain(hasRelated ? related.heading() : PHOTO_CREDITS), closing);
            }
            else {
                addUnlisted(book, closing);
            }
        }
        return title;
    }

    /**
     * A page read in order (in the spine) that has no table of contents entry of its own.
     */
    static void addUnlisted(Book book, Resource page) {
        book.getResources().add(page);
        book.getSpine().addResource(page);
    }

    /** The story's language, {@code en} when it has none. */
    static String language(Meta meta) {
        return meta.language() == null || meta.language().isBlank() ? "en" : meta.language();
    }

    /**
     * The title page, and the pages its intro goes on to when it would take the file past
     * {@link SlideFiles#FILE_BUDGET} (as slides do; a paragraph larger than a file is cut
     * into several at white space).
     */
    private static List<String> titlePages(Story story, String lang, boolean rtl) {
        Meta meta = story.meta();
        StringBuilder b = head(meta.title(), lang, rtl);
        b.append("<div class=\"titlepage\">\n<h1 class=\"title\"")
            .append(TextDirection.dirAttribute(meta.title(), rtl))
            .append('>')
            .append(esc(meta.title()))
            .append("</h1>\n");
        StringBuilder byline = new StringBuilder();
        for (String part : new String[] { meta.site(), meta.section(),
                meta.published() == null ? null : meta.published().display(Locale.forLanguageTag(lang)) }) {
            if (part != null && !part.isBlank()) {
                byline.append(byline.isEmpty() ? "" : " · ").append(esc(part));
            }
        }
        if (!byline.isEmpty()) {
            b.append("<p class=\"byline\">").append(byline).append("</p>\n");
        }
        if (meta.author() != null && !meta.author().isBlank()) {
            b.append("<p class=\"author\"")
                .append(TextDirection.dirAttribute(meta.author(), rtl))
                .append('>')
                .append(esc(meta.author()))
                .append("</p>\n");
        }
        String url = Hrefs.web(meta.url());
        if (url != null) {
            b.append("<p class=\"source\"><a href=\"")
                .append(esc(url))
                .append("\">")
                .append(esc(meta.url()))
                .append("</a></p>\n");
        }
        List<String> pages = new ArrayList<>(1);
        if (!story.intro().isEmpty()) {
            String open = "<div class=\"intro\">\n";
            String close = "</div>\n</div>\n";
            b.append(open);
            long bytes = TextSizes.utf8Length(b.toString());
            for (String p : story.intro()) {
                String escaped = esc(p);
                if (escaped.isBlank()) {
                    continue;
                }
                String dir = TextDirection.dirAttribute(p, rtl);
                List<String> pieces = TextSizes.utf8Length(escaped) <= SlideFiles.MAX_PARAGRAPH ? List.of(escaped)
                        : TextSizes.pieces(p, SlideFiles.MAX_PARAGRAPH).stream().map(Markup::esc).toList();
                for (String piece : pieces) {
                    String markup = "<p" + dir + ">" + piece + "</p>\n";
                    long size = TextSizes.utf8Length(markup);
                    if (bytes + size + close.length() + Markup.TAIL.length() > SlideFiles.FILE_BUDGET) {
                        pages.add(tail(b.append(close)));
                        b = head(meta.title(), lang, rtl).append("<div class=\"titlepage\">\n").append(open);
                        bytes = TextSizes.utf8Length(b.toString());
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

    private static String closingPage(Story story, String lang, boolean rtl) {
        Related related = story.related();
        boolean hasRelated = related != null && !related.links().isEmpty();
        StringBuilder b = head(hasRelated ? related.heading() : PHOTO_CREDITS, lang, rtl);
        b.append("<div class=\"closing\">\n");
        if (hasRelated) {
            b.append("<h2")
                .append(TextDirection.dirAttribute(related.heading(), rtl))
                .append('>')
                .append(esc(related.heading()))
                .append("</h2>\n<ul class=\"related\">\n");
            for (Related.Link link : related.links()) {
                String href = Hrefs.web(link.url());
                b.append("<li").append(TextDirection.dirAttribute(link.title(), rtl)).append('>');
                if (href != null) {
                    b.append("<a href=\"").append(esc(href)).append("\">").append(esc(link.title())).append("</a>");
                }
                else {
                    b.append(esc(link.title()));
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        if (!story.credits().isEmpty()) {
            b.append(hasRelated ? "<h2 class=\"credits-heading\">" : "<h2>").append(PHOTO_CREDITS).append("</h2>\n");
            b.append("<ul class=\"credits\">\n");
            for (CreditLine line : story.credits()) {
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

    /**
     * Adds the slide's image to the book once per story (by name) and returns its
     * relative src, or {@code null} when there is nothing to embed.
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

}
