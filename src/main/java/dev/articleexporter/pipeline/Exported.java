package dev.articleexporter.pipeline;

import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * An article rendered in every selected format (its files finished, for the caller to put
 * in place), or found unchanged, waiting for the export job's writer to record it.
 *
 * @param article what the run records about it
 * @param warnings what was left out or changed; recorded once the files are in place
 */
public record Exported(Origin origin, ArticleRecord article, List<RenderedFile> files, List<String> warnings,
        Input.Unchanged skipped) {

    public Exported(Origin origin, ArticleRecord article, List<RenderedFile> files, List<String> warnings) {
        this(origin, article, files, warnings, null);
    }

    /**
     * Input files passed over unread: their articles are counted as unchanged, nothing is
     * written; {@link #article()} is {@code null}.
     */
    public static Exported skipped(Input.Unchanged files) {
        return new Exported(files.origin(), null, List.of(), List.of(), files);
    }

    /** An article whose files from its last export are still right: nothing to write. */
    public static Exported unchanged(Origin origin, ArticleRecord article) {
        return new Exported(origin, article, List.of(), List.of());
    }

    /** Removes the finished files of an article that will not be placed after all. */
    public void discardFiles() {
        discard(files);
    }

    /** Removes finished files that will not be placed. */
    static void discard(List<RenderedFile> files) {
        for (RenderedFile file : files) {
            try {
                if (file.staged() != null) {
                    Files.deleteIfExists(file.staged());
                }
            }
            catch (IOException ignored) {
                // removed by the next run's clean-up
            }
        }
    }

    /** How messages name the article. */
    public String name() {
        return article == null ? origin.toString() : Problem.articleLabel(article.articleId(), article.title());
    }

    /**
     * @param name file name inside the output folder, e.g. {@code my-article.pdf}
     * @param staged the finished temporary file, to be renamed into place ({@code null}
     * when nothing is written, as in {@code validate})
     * @param bytes its size
     */
    public record RenderedFile(String name, java.nio.file.Path staged, long bytes) {
    }
}
