package dev.articleexporter.render;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Story} in one output format. Implementations are annotated with
 * {@link OutputFormat}, are shared across threads (keep no per-document state in fields), and
 * must not close {@code out}.
 */
public interface Renderer {

    /**
     * @param warnings where to report what this format could not show (e.g. characters no font
     *                 covers); the run's summary lists them with the article
     */
    void render(Story digest, OutputStream out, Warnings warnings) throws IOException;

    /** For callers that do not collect warnings. */
    default void render(Story digest, OutputStream out) throws IOException {
        render(digest, out, new Warnings());
    }

    /**
     * A writer of a collection of stories (the nightly digest) in this format, into {@code out},
     * which it does not close. One writer per digest.
     */
    default DigestWriter digestWriter(OutputStream out) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " writes no digest");
    }
}
