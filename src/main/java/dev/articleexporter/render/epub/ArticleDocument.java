package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The content document of one article: one XHTML file that flows (no page breaks between
 * its parts), continued in further files only when it would pass {@link #FILE_BUDGET}.
 *
 * <p>
 * The article is written as sections ({@link #startSection}) of units ({@link #unit}: a
 * paragraph, a list item, a heading kept with what follows it). A file is only ever cut
 * between units; the sections open at the cut are closed and opened again, marked as
 * continued, in the next file ({@code article-2.xhtml}), so every file is whole XHTML.
 * Table of contents entries point at a section's id in whichever file it starts.
 *
 * <p>
 * Only the file being written is held as text; finished files are kept as bytes, for the
 * caller to add to the book.
 */
final class ArticleDocument {

    /**
     * UTF-8 bytes a file may reach before the next unit goes to a new file. Readers load
     * a spine item whole (older devices fail on files of a few hundred KB); 128 KiB keeps
     * every file well under the usual 250 KB advice with few files (about 8 per MB of
     * text).
     */
    static final int FILE_BUDGET = 128 * 1024;

    /**
     * Room left in a file for its head (title included), the open sections and the tail
     * when a paragraph is cut to size.
     */
    static final int HEAD_ROOM = 4 * 1024;

    /**
     * Bytes of escaped text a paragraph may have before it is cut into several
     * ({@link TextSizes#pieces}).
     */
    static final int MAX_PARAGRAPH = FILE_BUDGET - HEAD_ROOM;

    /**
     * The base name of an article's files: {@code article.xhtml},
     * {@code article-2.xhtml}.
     */
    static final String HREF = "article.xhtml";

    /**
     * A table of contents entry: its label, the file it points into (an index into
     * {@link #finish()}), and the id there ({@code null}: the file's start).
     */
    record Entry(String label, int file, String fragment) {
    }

    /**
     * How a section opens in its first file and in the files it continues in, and how it
     * closes. Markup, already escaped.
     */
    record Section(String open, String reopen, String close) {
    }

    private static final int TAIL_BYTES = (int) TextSizes.utf8Length(Markup.TAIL);

    private final String prefix;

    /** Wraps every file's content (the digest's article chapter), or {@code null}. */
    private final Section frame;

    private final List<Entry> entries = new ArrayList<>();

    private final List<Resource> files = new ArrayList<>(1);

    private StringBuilder file;

    private long fileBytes;

    /** Units in the open file: it is never cut before its first. */
    private int fileUnits;

    private Section open;

    /** Where the open section starts in the file, and the file's bytes before it. */
    private int sectionMark;

    private long sectionMarkBytes;

    /** Units of the open section so far; whether it has a table of contents entry. */
    private int sectionUnits;

    private boolean sectionListed;

    /** The start of every file, up to its {@code <body>}: made once per article. */
    private final String head;

    private final long headUtf8;

    /** Bytes of a file's head with the title, and of the frame's reopening. */
    private final long headBytes;

    private String fileHref;

    /**
     * @param prefix in front of every file name and id (several articles can share a
     * book)
     * @param frame wraps the content of every file, or {@code null}
     */
    ArticleDocument(String prefix, String title, String lang, boolean rtl, Section frame) {
        this.prefix = prefix;
        this.frame = frame;
        this.head = Markup.head(title, lang, rtl).toString();
        this.headUtf8 = TextSizes.utf8Length(head);
        this.headBytes = headUtf8
                + (frame == null ? 0 : TextSizes.utf8Length(frame.reopen()) + TextSizes.utf8Length(frame.close()));
    }

    /**
     * The most bytes a unit may have and still fit in a new file with this title, frame,
     * a reopened section and the tail.
     */
    long unitRoom() {
        return FILE_BUDGET - headBytes - 512 - TAIL_BYTES;
    }

    /**
     * Opens a section; {@code tocLabel} (or {@code null}) gives it a table of contents
     * entry pointing at {@code id} (or at the file when {@code id} is {@code null}).
     */
    void startSection(Section section, String tocLabel, String id) {
        if (file == null) {
            openFile();
        }
        else if (fileUnits > 0
                && fileBytes + TextSizes.utf8Length(section.open()) + closing() > FILE_BUDGET - HEAD_ROOM) {
            // a section starts in the next file rather than as a lone heading at the end
            // of this one
            nextFile();
        }
        if (tocLabel != null) {
            entries.add(new Entry(tocLabel, files.size(), id));
        }
        sectionMark = file.length();
        sectionMarkBytes = fileBytes;
        sectionUnits = 0;
        sectionListed = tocLabel != null;
        append(section.open());
        open = section;
    }

    /** One unit of the open section: whole, in one file. */
    void unit(String markup) {
        long bytes = TextSizes.utf8Length(markup);
        if (fileUnits > 0 && fileBytes + bytes + closing() > FILE_BUDGET) {
            if (open != null && sectionUnits == 0) {
                // the section's opening (its id, what labels it) goes with its first unit
                Section section = open;
                file.setLength(sectionMark);
                fileBytes = sectionMarkBytes;
                open = null;
                closeFile();
                openFile();
                append(section.open());
                open = section;
                if (sectionListed) {
                    Entry entry = entries.removeLast();
                    entries.add(new Entry(entry.label(), files.size(), entry.fragment()));
                }
            }
            else {
                nextFile();
            }
        }
        append(markup, bytes);
        fileUnits++;
        sectionUnits++;
    }

    void endSection() {
        append(open.close());
        open = null;
    }

    /** Hands the last file to the book; returns the files in order. */
    List<Resource> finish() {
        if (file != null) {
            closeFile();
        }
        return files;
    }

    /** The table of contents entries, in order. */
    List<Entry> entries() {
        return entries;
    }

    private long closing() {
        return TAIL_BYTES + (open == null ? 0 : open.close().length()) + (frame == null ? 0 : frame.close().length());
    }

    private void nextFile() {
        if (open != null) {
            append(open.close());
        }
        closeFile();
        openFile();
        if (open != null) {
            append(open.reopen());
        }
    }

    private void openFile() {
        int n = files.size() + 1;
        fileHref = prefix + (n == 1 ? HREF : "article-" + n + ".xhtml");
        file = new StringBuilder(head.length() + 8192).append(head);
        fileBytes = headUtf8;
        if (frame != null) {
            append(n == 1 ? frame.open() : frame.reopen());
        }
        fileUnits = 0;
    }

    private void closeFile() {
        if (frame != null) {
            file.append(frame.close());
        }
        byte[] data = Markup.tail(file).getBytes(StandardCharsets.UTF_8);
        file = null;
        int n = files.size() + 1;
        String id = prefix + (n == 1 ? "article" : "article-" + n);
        files.add(new Resource(id, data, fileHref, MediaTypes.XHTML));
    }

    private void append(String markup) {
        append(markup, TextSizes.utf8Length(markup));
    }

    private void append(String markup, long bytes) {
        file.append(markup);
        fileBytes += bytes;
    }

}
