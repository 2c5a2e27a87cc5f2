package dev.articleexporter.render;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output format's writing: one {@link Story} as a file of its own, and a collection of
 * stories (the nightly digest) as one file. Every format offers both, so whatever formats
 * a run selects, its articles and its digest come in exactly those formats; there is no
 * format that cannot write a digest. Implementations are annotated with
 * {@link OutputFormat}, are shared across threads (keep no per-document state in fields),
 * and never close {@code out}.
 */
public interface Renderer {

    /**
     * @param warnings where to report what this format could not show (e.g. characters no
     * font covers); the run's summary lists them with the article
     */
    void render(Story story, OutputStream out, Warnings warnings) throws IOException;

    /** For callers that do not collect warnings. */
    default void render(Story story, OutputStream out) throws IOException {
        render(story, out, new Warnings());
    }

    /**
     * A new writer of one nightly digest in this format, into {@code out}, which it does
     * not close. {@link DigestWriter#writeAll} drives it, with the other formats'
     * writers.
     */
    DigestWriter digestWriter(OutputStream out);

}
