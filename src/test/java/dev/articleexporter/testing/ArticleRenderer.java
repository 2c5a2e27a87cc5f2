package dev.articleexporter.testing;

import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.Renderer;
import java.io.OutputStream;

/**
 * A renderer of single articles written as a lambda, for tests of the article step. It
 * writes no digest: the tests that use it make none (a real format offers both, see
 * {@link Renderer}).
 */
@FunctionalInterface
public interface ArticleRenderer extends Renderer {

    @Override
    default DigestWriter digestWriter(OutputStream out) {
        throw new UnsupportedOperationException("a test renderer of single articles writes no digest");
    }

}
