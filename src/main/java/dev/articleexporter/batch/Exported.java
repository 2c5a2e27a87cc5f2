package dev.articleexporter.batch;

import dev.articleexporter.article.Origin;
import java.util.List;

/**
 * An article rendered in every selected format, waiting to be written.
 *
 * @param article  the article's id or title, for messages
 * @param warnings what was left out or changed; recorded once the files are in place
 */
public record Exported(Origin origin, String article, List<RenderedFile> files, List<String> warnings) {

    /** @param name file name inside the output folder, e.g. {@code my-article.pdf} */
    public record RenderedFile(String name, byte[] bytes) {
    }
}
