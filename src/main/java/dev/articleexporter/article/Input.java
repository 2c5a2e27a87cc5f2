package dev.articleexporter.article;

import java.nio.file.Path;

/** What the reader yields for each article slot of an input file: an article, or why there is none. */
public sealed interface Input {

    Origin origin();

    /**
     * @param folder the folder of the JSON file; image paths are relative to it
     */
    record Parsed(Origin origin, Path folder, Article article) implements Input {
    }

    /** A file, or one element of its array, that could not be read as an article. */
    record Unreadable(Origin origin, String reason) implements Input {
    }
}
