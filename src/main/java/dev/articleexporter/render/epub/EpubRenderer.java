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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes a story as an EPUB 3.3 book for e-readers, with what EPUB 2 readers still need:
 * its cover, one content document that flows from the title through the slides to the
 * reading list and photo credits (continued in further files only when very long: see
 * {@link ArticleDocument}), a navigation document and an NCX, and accessibility metadata
 * stating what the book offers ({@link Accessibility}).
 *
 * <p>
 * Right-to-left articles (by their language tag) carry {@code dir="rtl"} on
 * {@code <html>} and {@code <body>} of every page and read right to left in the spine; a
 * heading or paragraph whose first strong character runs the other way gets its own
 * {@code dir} ({@link TextDirection}).
 *
 * <p>
 * The work is shared out: {@link ArticlePages} (a story's document and pictures, also
 * used by the digest), {@link BookMetadata}, {@link Stylesheet}, {@link Markup}
 * (escaping, page frame), {@link NavDocument}, {@link PackageDocument} and
 * {@link EpubPackager} (the zip).
 *
 * <p>
 * Stateless: every call builds its own {@link Book}, so one instance serves many threads.
 * All input text is escaped ({@link Markup#esc}); it never becomes markup.
 */
@OutputFormat(name = "epub", extension = "epub", mediaType = "application/epub+zip")
public class EpubRenderer implements Renderer {

    // Members the digest writer and the tests use; they live in the classes named.
    static final String CSS_HREF = Stylesheet.HREF;
    static final int MAX_DESCRIPTION = BookMetadata.MAX_DESCRIPTION;

    private final Clock clock;

    public EpubRenderer() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock tells when a book is made ({@code dcterms:modified})
     */
    EpubRenderer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void render(Story story, OutputStream out, Warnings warnings) throws IOException {
        Book book = buildBook(story);
        // Buffered: the zip writes headers in small pieces. Finished, flushed, never
        // closed.
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        EpubPackager.write(book, extras(story), buffered);
        buffered.flush();
    }

    /**
     * A writer of a nightly digest as one EPUB: the same article documents as this
     * renderer's books, under sections. One per digest; {@code out} is not closed.
     */
    @Override
    public DigestWriter digestWriter(OutputStream out) {
        return new EpubDigestWriter(out, clock);
    }

    Book buildBook(Story story) {
        Meta meta = story.meta();
        String lang = ArticlePages.language(meta);
        Book book = new Book();
        BookMetadata.fill(book.getMetadata(), story, lang);
        book.getResources().add(new Resource("css", Stylesheet.bytes(), Stylesheet.HREF, MediaTypes.CSS));
        if (story.cover() != null) {
            ArticlePages.addCover(book, story.cover(), meta.title(), lang, meta.rightToLeft());
        }
        Resource first = ArticlePages.add(book, story, "", null, title -> null);
        String title = Markup.plain(meta.title());
        book.getGuide().addReference(new GuideReference(first, GuideReference.TITLE_PAGE, title));
        book.getGuide().addReference(new GuideReference(first, GuideReference.TEXT, title));
        return book;
    }

    PackageDocument.Extras extras(Story story) {
        return new PackageDocument.Extras(modified(clock), story.meta().rightToLeft(), Accessibility.of(story));
    }

    /**
     * {@code dcterms:modified}: the day the book is made (UTC midnight, as EPUB 3 writes
     * a date-time). A day tells a night's version from the last one, and keeps a book
     * made twice that day the same bytes: two runs over the same input give the same
     * files.
     */
    static String modified(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.DAYS).toString();
    }

    /**
     * The articles' stylesheet, for books that hold articles among pages of their own.
     */
    static byte[] css() {
        return Stylesheet.bytes();
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
