package dev.articleexporter.render.epub;

import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.render.Renderer;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.GuideReference;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a story as an EPUB 2.0.1 book for e-readers: a title page, the slides (one XHTML
 * file per slide, or grouped into parts of limited size for long articles: see
 * {@link SlideFiles}) and a closing page with the reading list and photo credits, with an
 * NCX table of contents.
 *
 * <p>
 * Right-to-left articles (by their language tag, see {@link TextDirection}) carry
 * {@code dir="rtl"} on {@code <html>} and {@code <body>} of every page; a heading or
 * paragraph whose first strong character runs the other way gets its own {@code dir}.
 *
 * <p>
 * The work is shared out: {@link ArticlePages} (a story's pages, also used by the
 * digest), {@link BookMetadata}, {@link Stylesheet}, {@link Markup} (escaping, page
 * frame) and {@link EpubPackager} (the zip with our own OPF and NCX).
 *
 * <p>
 * Stateless: every call builds its own {@link Book}, so one instance serves many threads.
 * All input text is escaped ({@link Markup#esc}); it never becomes markup.
 */
@OutputFormat(name = "epub", extension = "epub", mediaType = "application/epub+zip")
public class EpubRenderer implements Renderer {

    // Members the digest writer and the tests use; they live in the classes named.
    static final String CSS_HREF = Stylesheet.HREF;
    static final String TITLE_HREF = ArticlePages.TITLE_HREF;
    static final int MAX_DESCRIPTION = BookMetadata.MAX_DESCRIPTION;

    @Override
    public void render(Story story, OutputStream out, Warnings warnings) throws IOException {
        Book book = buildBook(story);
        // Buffered: the zip writes headers in small pieces. Finished, flushed, never
        // closed.
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        EpubPackager.write(book, buffered);
        buffered.flush();
    }

    /**
     * A writer of a nightly digest as one EPUB: the same article pages as this renderer's
     * books, under sections. One per digest; {@code out} is not closed.
     */
    @Override
    public DigestWriter digestWriter(OutputStream out) {
        return new EpubDigestWriter(out);
    }

    Book buildBook(Story story) {
        Meta meta = story.meta();
        Book book = new Book();
        BookMetadata.fill(book.getMetadata(), story, ArticlePages.language(meta));
        book.getResources().add(new Resource("css", Stylesheet.bytes(), Stylesheet.HREF, MediaTypes.CSS));
        Resource title = ArticlePages.add(book, story, "", null);
        book.getGuide().addReference(new GuideReference(title, GuideReference.TITLE_PAGE, plain(meta.title())));
        return book;
    }

    /**
     * The articles' stylesheet, for books that hold articles among pages of their own.
     */
    static byte[] css() {
        return Stylesheet.bytes();
    }

    /** See {@link ArticlePages#add}. */
    static Resource addArticle(Book book, Story story, String prefix, TOCReference section) {
        return ArticlePages.add(book, story, prefix, section);
    }

    /** See {@link ArticlePages#addUnlisted}. */
    static void addUnlisted(Book book, Resource page) {
        ArticlePages.addUnlisted(book, page);
    }

    /** See {@link BookMetadata#description}. */
    static String description(String intro) {
        return BookMetadata.description(intro);
    }

    /** See {@link Markup#esc}. */
    static String esc(String text) {
        return Markup.esc(text);
    }

    /** See {@link Markup#plain}. */
    static String plain(String text) {
        return Markup.plain(text);
    }

}
