package dev.articleexporter.job;

import dev.articleexporter.input.Origin;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import java.util.List;

/**
 * An article rendered in every selected format (its files already in place), or found unchanged,
 * waiting for the writer to record it.
 *
 * @param article  what the run records about it
 * @param warnings what was left out or changed; recorded once the files are in place
 */
public record Exported(Origin origin, ArticleRecord article, List<RenderedFile> files, List<String> warnings) {

    /** An article whose files from its last export are still right: nothing to write. */
    static Exported unchanged(Origin origin, ArticleRecord article) {
        return new Exported(origin, article, List.of(), List.of());
    }

    /** How messages name the article. */
    public String name() {
        return Problem.articleLabel(article.articleId(), article.title());
    }

    /**
     * @param name   file name inside the output folder, e.g. {@code my-article.pdf}
     * @param staged the temporary file the render thread wrote before renaming it into place
     *               ({@code null} when nothing is written, as in {@code validate})
     * @param bytes  its size
     */
    public record RenderedFile(String name, java.nio.file.Path staged, long bytes) {
    }
}
