package dev.articleexporter.render;

import dev.articleexporter.digest.Digest;
import dev.articleexporter.digest.Warnings;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Digest} in one output format. Implementations are annotated with
 * {@link OutputFormat}, are shared across threads (keep no per-document state in fields), and
 * must not close {@code out}.
 */
public interface Renderer {

    /**
     * @param warnings where to report what this format could not show (e.g. characters no font
     *                 covers); the run's summary lists them with the article
     */
    void render(Digest digest, OutputStream out, Warnings warnings) throws IOException;

    /** For callers that do not collect warnings. */
    default void render(Digest digest, OutputStream out) throws IOException {
        render(digest, out, new Warnings());
    }
}
