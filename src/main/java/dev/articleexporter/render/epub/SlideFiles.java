package dev.articleexporter.render.epub;

import static dev.articleexporter.render.epub.Markup.esc;

import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Slide;
import dev.articleexporter.render.TimeLimit;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays the slides out over XHTML files, in reading order, and adds them to the book's
 * spine and table of contents.
 *
 * <ul>
 * <li>Up to {@link #MAX_FILE_PER_SLIDE} slides: one file per slide,
 * {@code slide-007.xhtml}, each in the table of contents as the whole file.</li>
 * <li>More slides: consecutive slides share a file, {@code part-003.xhtml}, until the
 * next slide would take it past {@link #FILE_BUDGET}; each slide heading has an id
 * ({@code slide-57}) and the table of contents points to
 * {@code part-003.xhtml#slide-57}.</li>
 * <li>Either way a slide that does not fit in one file continues in the next one
 * ({@code slide-007-2.xhtml}, or the next part), split between paragraphs; a single
 * paragraph larger than a file is split at white space into several paragraphs.</li>
 * </ul>
 *
 * <p>
 * Only the file being written is held as text; finished files are handed to the book as
 * bytes.
 */
final class SlideFiles {

    /**
     * Articles with up to this many slides keep one file per slide; longer ones are
     * grouped.
     */
    static final int MAX_FILE_PER_SLIDE = 100;

    /**
     * UTF-8 bytes a file may reach before the next slide or paragraph goes to a new file.
     * Readers load a spine item whole (older devices fail on files of a few hundred KB);
     * 128 KiB keeps every file well under the usual 250 KB advice with few files (about 8
     * per MB of text).
     */
    static final int FILE_BUDGET = 128 * 1024;

    private static final String DIV_OPEN = "<div class=\"slide\">\n";

    private static final String DIV_CLOSE = "</div>\n";

    private static final int DIV_OPEN_BYTES = DIV_OPEN.length();

    private static final int DIV_CLOSE_BYTES = DIV_CLOSE.length();

    private static final int TAIL_BYTES = (int) TextSizes.utf8Length(Markup.TAIL);

    /**
     * Room left in a file for its head (title included) and tail when a paragraph is cut
     * to size.
     */
    private static final int HEAD_ROOM = 4 * 1024;

    /**
     * Bytes of escaped text a paragraph may have before it is cut into several
     * ({@link TextSizes#pieces}).
     */
    static final int MAX_PARAGRAPH = FILE_BUDGET - HEAD_ROOM;

    private final Book book;

    /** In front of every file name and id: several articles can share a book. */
    private final String prefix;

    /**
     * Whether each slide gets a table of contents entry (the article's own book) or only
     * a place in the spine.
     */
    private final boolean listed;

    private final String articleTitle;

    private final String lang;

    private final boolean rtl;

    private final boolean grouped;

    private final int budget;

    /** The file being written, or {@code null} between files. */
    private StringBuilder file;

    private long fileBytes;

    /**
     * Headings and paragraphs in the open file (the head and an opening div do not
     * count).
     */
    private int fileElements;

    /**
     * Table of contents entries of the open file: heading and fragment (or {@code null}).
     */
    private final List<String[]> fileToc = new ArrayList<>();

    private String fileHref;

    private String fileId;

    private int parts;

    SlideFiles(Book book, String articleTitle, String lang, boolean rtl, int slideCount) {
        this(book, "", true, articleTitle, lang, rtl, slideCount);
    }

    /**
     * @param prefix put in front of every file name and id ({@code ""} in the article's
     * own book)
     * @param listed whether slides get table of contents entries; if not, their files are
     * only read in order
     */
    SlideFiles(Book book, String prefix, boolean listed, String articleTitle, String lang, boolean rtl,
            int slideCount) {
        this(book, prefix, listed, articleTitle, lang, rtl, slideCount > MAX_FILE_PER_SLIDE, FILE_BUDGET);
    }

    SlideFiles(Book book, String articleTitle, String lang, boolean rtl, boolean grouped, int budget) {
        this(book, "", true, articleTitle, lang, rtl, grouped, budget);
    }

    private SlideFiles(Book book, String prefix, boolean listed, String articleTitle, String lang, boolean rtl,
            boolean grouped, int budget) {
        this.book = book;
        this.prefix = prefix;
        this.listed = listed;
        this.articleTitle = articleTitle;
        this.lang = lang;
        this.rtl = rtl;
        this.grouped = grouped;
        this.budget = budget;
    }

    /** Fragment identifier of a slide's heading in grouped files. */
    static String anchor(int slideNumber) {
        return "slide-" + slideNumber;
    }

    /** Adds one slide; {@code imageSrc} is its embedded image, or {@code null}. */
    void add(Slide slide, String imageSrc) {
        int n = slide.number();
        String header = header(slide, imageSrc);
        long headerBytes = TextSizes.utf8Length(header);
        List<String> paragraphs = new ArrayList<>(slide.paragraphs().size());
        List<Long> paragraphBytes = new ArrayList<>(slide.paragraphs().size());
        long size = DIV_OPEN_BYTES + headerBytes + DIV_CLOSE_BYTES;
        for (String p : slide.paragraphs()) {
            TimeLimit.checkCurrent(); // the article's time limit, if it has one
            String escaped = esc(p);
            if (escaped.isBlank()) {
                continue; // nothing left once characters XML cannot hold are dropped
            }
            String dir = TextDirection.dirAttribute(p, rtl);
            long escapedBytes = TextSizes.utf8Length(escaped);
            if (escapedBytes <= budget - HEAD_ROOM) {
                String markup = "<p" + dir + ">" + escaped + "</p>\n";
                // the tags are ASCII: their UTF-8 bytes are their chars
                long bytes = escapedBytes + markup.length() - escaped.length();
                paragraphs.add(markup);
                paragraphBytes.add(bytes);
                size += bytes;
                continue;
            }
            for (String piece : TextSizes.pieces(p, budget - HEAD_ROOM)) {
                String markup = "<p" + dir + ">" + esc(piece) + "</p>\n";
                long bytes = TextSizes.utf8Length(markup);
                paragraphs.add(markup);
                paragraphBytes.add(bytes);
                size += bytes;
            }
        }

        if (file != null && (!grouped || fileBytes + size > budget)) {
            close();
        }
        int continuation = 1;
        if (file == null) {
            open(n, continuation, slide.heading());
        }
        fileToc.add(new String[] { Markup.plain(slide.heading()), grouped ? anchor(n) : null });
        append(DIV_OPEN, DIV_OPEN_BYTES);
        append(header, headerBytes);
        fileElements++;
        long closing = DIV_CLOSE_BYTES + TAIL_BYTES;
        for (int i = 0; i < paragraphs.size(); i++) {
            long bytes = paragraphBytes.get(i);
            if (fileElements > 0 && fileBytes + bytes + closing > budget) {
                append(DIV_CLOSE, DIV_CLOSE_BYTES);
                close();
                open(n, ++continuation, slide.heading());
                append(DIV_OPEN, DIV_OPEN_BYTES);
            }
            append(paragraphs.get(i), bytes);
            fileElements++;
        }
        append(DIV_CLOSE, DIV_CLOSE_BYTES);
    }

    /** Writes the last file; call once after the last slide. */
    void finish() {
        if (file != null) {
            close();
        }
    }

    private String header(Slide slide, String imageSrc) {
        StringBuilder b = new StringBuilder(256);
        b.append("<h2");
        if (grouped) {
            b.append(" id=\"").append(anchor(slide.number())).append('"');
        }
        b.append(TextDirection.dirAttribute(slide.heading(), rtl))
            .append('>')
            .append(esc(slide.heading()))
            .append("</h2>\n");
        Picture picture = slide.picture();
        if (imageSrc != null) {
            b.append("<div class=\"figure\"><img src=\"")
                .append(esc(imageSrc))
                .append("\" alt=\"")
                .append(esc(picture.alt()))
                .append("\"/></div>\n");
        }
        else if (picture != null && picture.alt() != null && !picture.alt().isBlank()) {
            b.append("<p class=\"placeholder\"><i>[Image: ").append(esc(picture.alt())).append("]</i></p>\n");
        }
        if (slide.credit() != null && !slide.credit().isBlank()) {
            b.append("<p class=\"credit\">Photo: ").append(esc(slide.credit())).append("</p>\n");
        }
        return b.toString();
    }

    private void open(int slideNumber, int continuation, String slideHeading) {
        if (grouped) {
            parts++;
            fileHref = prefix + String.format(Locale.ROOT, "part-%03d.xhtml", parts);
            fileId = prefix + "part" + parts;
        }
        else {
            fileHref = prefix + (continuation == 1 ? String.format(Locale.ROOT, "slide-%03d.xhtml", slideNumber)
                    : String.format(Locale.ROOT, "slide-%03d-%d.xhtml", slideNumber, continuation));
            fileId = prefix + (continuation == 1 ? "slide" + slideNumber : "slide" + slideNumber + "-" + continuation);
        }
        file = Markup.head(grouped ? articleTitle : slideHeading, lang, rtl);
        fileBytes = TextSizes.utf8Length(file.toString());
        fileElements = 0;
    }

    /** Appends {@code s}, which takes {@code bytes} in UTF-8, to the open file. */
    private void append(String s, long bytes) {
        file.append(s);
        fileBytes += bytes;
    }

    /**
     * Hands the open file to the book: into the spine in order, with its table of
     * contents entries.
     */
    private void close() {
        byte[] data = Markup.tail(file).getBytes(StandardCharsets.UTF_8);
        file = null;
        Resource resource = new Resource(fileId, data, fileHref, MediaTypes.XHTML);
        if (fileToc.isEmpty() || !listed) {
            // a continuation, or a slide of a digest: read in order, not listed
            ArticlePages.addUnlisted(book, resource);
        }
        else {
            // The first entry adds the file to the book and the spine; the others only
            // point into it (addSection again would add the file again, and epub4j
            // renames a file added twice to item_N).
            book.addSection(fileToc.getFirst()[0], resource, fileToc.getFirst()[1]);
            for (String[] entry : fileToc.subList(1, fileToc.size())) {
                book.getTableOfContents().addTOCReference(new TOCReference(entry[0], resource, entry[1]));
            }
        }
        fileToc.clear();
    }

}
