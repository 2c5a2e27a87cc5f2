package dev.articleexporter.render;

import dev.articleexporter.digest.Digest;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Digest} in one output format. Implementations are annotated with
 * {@link OutputFormat}, are shared across threads (keep no per-document state in fields), and
 * must not close {@code out}.
 */
public interface Renderer {

    void render(Digest digest, OutputStream out) throws IOException;
}
