package dev.articleexporter.render;

import dev.articleexporter.model.Digest;
import dev.articleexporter.model.Story;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link Digest} in one format ({@link Renderer#digestWriter}), piece by piece
 * as {@link #writeAll} hands them over: so each article's story is made once for every
 * format, and only that article is in memory. One writer per digest and stream; the
 * stream is the caller's and is not closed.
 *
 * <p>
 * The calls come in this order: {@link #start}, then for each section {@link #section}
 * followed by {@link #article} for each of its articles, then {@link #finish}.
 */
public interface DigestWriter {

    /** The title page and the contents. */
    void start(Digest digest) throws IOException;

    /** A section begins. */
    void section(Digest.Section section) throws IOException;

    /** One article in full: the same pages, text and pictures as its own files. */
    void article(Digest.Entry entry, Story story) throws IOException;

    /** Ends the document and flushes it into the stream. */
    void finish() throws IOException;

    /**
     * Writes the digest in every given format at once: each article's story is made once
     * and handed to every writer, then dropped, so a large digest never sits in memory
     * whole.
     * @throws IllegalStateException when an article can no longer be made into a story
     */
    static void writeAll(Digest digest, List<DigestWriter> writers) throws IOException {
        for (DigestWriter writer : writers) {
            writer.start(digest);
        }
        for (Digest.Section section : digest.sections()) {
            for (DigestWriter writer : writers) {
                writer.section(section);
            }
            for (Digest.Entry entry : section.articles()) {
                Story story = entry.story();
                for (DigestWriter writer : writers) {
                    writer.article(entry, story);
                }
            }
        }
        for (DigestWriter writer : writers) {
            writer.finish();
        }
    }

}
