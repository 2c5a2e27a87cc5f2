package dev.articleexporter.render.epub;

import static dev.articleexporter.render.epub.Markup.esc;
import static dev.articleexporter.render.epub.Markup.plain;

import dev.articleexporter.model.Cover;
import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.render.TimeLimit;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.GuideReference;
import io.documentnode.epub4j.domain.MediaType;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One story in a book: one content document that flows from its title block and intro
 * through its slides (heading, figure and credit kept with the first paragraph) to the
 * reading list and the photo credits ({@link ArticleDocument}), and its pictures. The
 * story's own book and the nightly digest both use it, so a story reads the same in
 * either.
 */
final class ArticlePages {

    static final String IMAGE_DIR = "images/";

    static final String COVER_IMAGE_ID = "cover-image";

    /**
     * Outside {@link #IMAGE_DIR}, where the slides' pictures go under names from the
     * input: no input name can take it.
     */
    static final String COVER_IMAGE_HREF = "cover.jpg";

    static final String COVER_PAGE_HREF = "cover.xhtml";

    static final String PHOTO_CREDITS = "Photo credits";

    private static final ArticleDocument.Section TITLE = new ArticleDocument.Section(
            "<section class=\"titlepage\" epub:type=\"titlepage\" aria-labelledby=\"title\">\n",
            "<section class=\"titlepage continued\">\n", "</section>\n");

    private static final ArticleDocument.Section INTRO = new ArticleDocument.Section(
            "<section class=\"intro\" epub:type=\"abstract\" role=\"doc-abstract\">\n",
            "<section class=\"intro continued\" epub:type=\"abstract\" role=\"doc-abstract\">\n", "</section>\n");

    private ArticlePages() {
    }

    /**
     * Adds one story's document and pictures to a book, in reading order.
     * @param prefix put in front of every file name of the story, so many stories can
     * share a book ({@code ""} in the story's own book)
     * @param section the table of contents entry the story is listed under, by its title
     * only; {@code null} lists the title, every slide, the reading list and the credits
     * at the top level, as the story's own book does
     * @param sameBook the href of an article of the same book by its title, or
     * {@code null}: a reading-list item without a web address is kept only when it names
     * one
     * @return the story's first file
     */
    static Resource add(Book book, Story story, String prefix, TOCReference section,
            Function<String, String> sameBook) {
        Meta meta = story.meta();
        String lang = language(meta);
        boolean rtl = meta.rightToLeft();
        boolean ownBook = section == null;
        ArticleDocument doc = new ArticleDocument(prefix, meta.title(), lang, rtl, ownBook ? null : chapter());

        doc.startSection(TITLE, plain(meta.title()), null);
        doc.unit(titleBlock(meta, lang, rtl));
        doc.endSection();
        intro(doc, story, rtl);

        Map<String, String> imageHrefs = new HashMap<>();
        for (Slide slide : story.slides()) {
            // between slides: the article's time limit, if it has one
            TimeLimit.checkCurrent();
            slide(doc, slide, addImage(book, slide.picture(), imageHrefs, prefix), rtl, ownBook);
        }
        related(doc, story.related(), rtl, sameBook);
        credits(doc, story.credits());

        List<Resource> files = doc.finish();
        for (Resource file : files) {
            book.getResources().add(file);
            book.getSpine().addResource(file);
        }
        if (ownBook) {
            for (ArticleDocument.Entry entry : doc.entries()) {
                book.getTableOfContents()
                    .addTOCReference(new TOCReference(entry.label(), files.get(entry.file()), entry.fragment()));
            }
        }
        else {
            section.getChildren().add(new TOCReference(plain(meta.title()), files.getFirst()));
        }
        return files.getFirst();
    }

    /**
     * Adds the cover: the image ({@code cover-image} in EPUB 3, {@code meta name="cover"}
     * for Kindle) and a page showing it, first in the reading order.
     */
    static void addCover(Book book, Cover cover, String title, String lang, boolean rtl) {
        Resource image = new Resource(COVER_IMAGE_ID, cover.full().jpeg(), COVER_IMAGE_HREF, MediaTypes.JPG);
        book.getResources().add(image);
        book.setCoverImage(image);
        StringBuilder b = Markup.head(title, lang, rtl, null);
        b.append("<section class=\"cover\" epub:type=\"cover\">\n<img src=\"")
            .append(COVER_IMAGE_HREF)
            .append("\" alt=\"")
            .append(esc(title))
            .append("\" role=\"doc-cover\"/>\n</section>\n");
        Resource page = Markup.xhtml("cover", COVER_PAGE_HREF, Markup.tail(b));
        book.getResources().add(page);
        book.getSpine().addResource(page);
        book.getGuide().addReference(new GuideReference(page, GuideReference.COVER, "Cover"));
    }

    /** The story's language, {@code en} when it has none. */
    static String language(Meta meta) {
        return meta.language() == null || meta.language().isBlank() ? "en" : meta.language();
    }

    /** The digest's frame around an article: one chapter of the issue. */
    private static ArticleDocument.Section chapter() {
        return new ArticleDocument.Section(
                "<section class=\"article\" epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"title\">\n",
                "<section class=\"article continued\" epub:type=\"chapter\" role=\"doc-chapter\">\n", "</section>\n");
    }

    private static String titleBlock(Meta meta, String lang, boolean rtl) {
        StringBuilder b = new StringBuilder(512);
        b.append("<h1 id=\"title\" class=\"title\"")
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
        return b.toString();
    }

    private static void intro(ArticleDocument doc, Story story, boolean rtl) {
        List<String> paragraphs = paragraphs(story.intro(), rtl, doc.unitRoom());
        if (paragraphs.isEmpty()) {
            return;
        }
        doc.startSection(INTRO, null, null);
        paragraphs.forEach(doc::unit);
        doc.endSection();
    }

    /**
     * A slide as a section: its heading, figure (or the picture's description) and credit
     * kept together with the first paragraph, then the other paragraphs.
     */
    private static void slide(ArticleDocument doc, Slide slide, String imageSrc, boolean rtl, boolean ownBook) {
        String id = "slide-" + slide.number();
        String type = ownBook ? " epub:type=\"chapter\" role=\"doc-chapter\"" : "";
        doc.startSection(
                new ArticleDocument.Section(
                        "<section class=\"slide\" id=\"" + id + "\"" + type + " aria-labelledby=\"" + id + "-h\">\n",
                        "<section class=\"slide continued\"" + type + ">\n", "</section>\n"),
                plain(slide.heading()), id);
        StringBuilder keep = new StringBuilder(512);
        keep.append("<div class=\"keep\">\n<h2 id=\"")
            .append(id)
            .append("-h\"")
            .append(TextDirection.dirAttribute(slide.heading(), rtl))
            .append('>')
            .append(esc(slide.heading()))
            .append("</h2>\n");
        boolean credited = slide.credit() != null && !slide.credit().isBlank();
        Picture picture = slide.picture();
        if (imageSrc != null) {
            keep.append("<figure class=\"figure\">\n<img src=\"")
                .append(esc(imageSrc))
                .append("\" alt=\"")
                .append(esc(slide.pictureAlt()))
                .append("\"/>\n");
            if (credited) {
                keep.append("<figcaption class=\"credit\">Photo: ")
                    .append(esc(slide.credit()))
                    .append("</figcaption>\n");
            }
            keep.append("</figure>\n");
        }
        else if (picture != null && !picture.alt().isBlank()) {
            keep.append("<p class=\"placeholder\"><i>[Image: ").append(esc(picture.alt())).append("]</i></p>\n");
            if (credited) {
                keep.append("<p class=\"credit\">Photo: ").append(esc(slide.credit())).append("</p>\n");
            }
        }
        // A credit for a picture the book does not show names nothing here: it is in the
        // photo credits at the end, and a line less per slide keeps pages full.
        List<String> paragraphs = paragraphs(slide.paragraphs(), rtl, doc.unitRoom());
        int kept = 0;
        if (!paragraphs.isEmpty() && TextSizes.utf8Length(keep.toString()) + TextSizes.utf8Length(paragraphs.getFirst())
                + 16 <= doc.unitRoom()) {
            keep.append(paragraphs.getFirst());
            kept = 1;
        }
        doc.unit(keep.append("</div>\n").toString());
        for (String p : paragraphs.subList(Math.min(kept, paragraphs.size()), paragraphs.size())) {
            doc.unit(p);
        }
        doc.endSection();
    }

    /**
     * The reading list, without the items a reader cannot follow: no web address, and not
     * an article of the same book.
     */
    private static void related(ArticleDocument doc, Related related, boolean rtl, Function<String, String> sameBook) {
        if (related == null) {
            return;
        }
        List<String> items = new ArrayList<>(related.links().size());
        for (Related.Link link : related.links()) {
            String href = Hrefs.web(link.url());
            if (href == null) {
                href = sameBook.apply(link.title());
            }
            if (href != null) {
                items.add("<li" + TextDirection.dirAttribute(link.title(), rtl) + "><a href=\"" + esc(href) + "\">"
                        + esc(link.title()) + "</a></li>\n");
            }
        }
        if (items.isEmpty()) {
            return;
        }
        doc.startSection(
                new ArticleDocument.Section(
                        "<section class=\"related\" id=\"related\" aria-labelledby=\"related-h\">\n<h2 id=\"related-h\""
                                + TextDirection.dirAttribute(related.heading(), rtl) + ">" + esc(related.heading())
                                + "</h2>\n<ul class=\"related\">\n",
                        "<section class=\"related continued\">\n<ul class=\"related\">\n", "</ul>\n</section>\n"),
                plain(related.heading()), "related");
        items.forEach(doc::unit);
        doc.endSection();
    }

    private static void credits(ArticleDocument doc, List<CreditLine> credits) {
        if (credits.isEmpty()) {
            return;
        }
        doc.startSection(new ArticleDocument.Section(
                "<section class=\"credits\" id=\"credits\" epub:type=\"credits\" role=\"doc-credits\""
                        + " aria-labelledby=\"credits-h\">\n<h2 id=\"credits-h\">" + PHOTO_CREDITS
                        + "</h2>\n<ul class=\"credits\">\n",
                "<section class=\"credits continued\" epub:type=\"credits\" role=\"doc-credits\">\n"
                        + "<ul class=\"credits\">\n",
                "</ul>\n</section>\n"), PHOTO_CREDITS, "credits");
        for (CreditLine line : credits) {
            StringBuilder b = new StringBuilder("<li>").append(esc(line.credit()));
            if (!line.slides().isEmpty()) {
                b.append(" — ").append(line.slidesText());
            }
            doc.unit(b.append("</li>\n").toString());
        }
        doc.endSection();
    }

    /**
     * Paragraphs as markup, with their direction when it differs from the page's; one
     * larger than a file is cut into several at white space.
     */
    private static List<String> paragraphs(List<String> texts, boolean rtl, long room) {
        // room for the markup around the text
        int max = (int) Math.min(ArticleDocument.MAX_PARAGRAPH, room - 32);
        List<String> markup = new ArrayList<>(texts.size());
        for (String p : texts) {
            // the article's time limit, if it has one
            TimeLimit.checkCurrent();
            String escaped = esc(p);
            if (escaped.isBlank()) {
                // nothing left once characters XML cannot hold are dropped
                continue;
            }
            String dir = TextDirection.dirAttribute(p, rtl);
            if (TextSizes.utf8Length(escaped) <= max) {
                markup.add("<p" + dir + ">" + escaped + "</p>\n");
                continue;
            }
            for (String piece : TextSizes.pieces(p, max)) {
                markup.add("<p" + dir + ">" + esc(piece) + "</p>\n");
            }
        }
        return markup;
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
