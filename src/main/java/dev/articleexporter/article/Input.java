package dev.articleexporter.article;

import java.nio.file.Path;
import java.util.List;

/** What the reader yields for each article slot of an input file: an article, or why there is none. */
public sealed interface Input {

    Origin origin();

    /**
     * @param folder   the folder of the JSON file; image paths are relative to it
     * @param warnings what reading changed (e.g. characters XML cannot hold, removed)
     * @param stem     the output file-name stem given to it for this run, or {@code null} before that
     */
    record Parsed(Origin origin, Path folder, Article article, List<String> warnings, String stem) implements Input {

        public Parsed {
            warnings = List.copyOf(warnings);
        }

        public Parsed withStem(String newStem) {
            return new Parsed(origin, folder, article, warnings, newStem);
        }
    }

    /**
     * A file, or one element of its array, that will not be exported, and why.
     *
     * @param article the article's id when it is known, else {@code null}
     */
    record Rejected(Origin origin, String article, String reason) implements Input {

        public Rejected(Origin origin, String reason) {
            this(origin, null, reason);
        }
    }
}
