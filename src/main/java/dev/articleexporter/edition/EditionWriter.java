package dev.articleexporter.edition;

import dev.articleexporter.digest.Digest;
import java.io.IOException;

/**
 * Writes an {@link Edition} in one format, piece by piece as {@link Edition#write} hands them
 * over: so one article's digest is made once for every format, and only that article is in memory.
 * One writer per edition and stream; the stream is the caller's and is not closed.
 *
 * <p>The calls come in this order: {@link #start}, then for each part {@link #section} followed by
 * {@link #article} for each of its articles, then {@link #finish}.
 */
public interface EditionWriter {

    /** The title page and the contents. */
    void start(Edition edition) throws IOException;

    /** A section begins. */
    void section(Edition.Part part) throws IOException;

    /** One article in full: the same pages, text and pictures as its own files. */
    void article(Edition.Entry entry, Digest digest) throws IOException;

    /** Ends the document and flushes it into the stream. */
    void finish() throws IOException;
}
