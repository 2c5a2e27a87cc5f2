package dev.articleexporter.input;

import java.nio.file.Path;
import java.util.List;

/**
 * What the reader yields for each article slot of an input file: an article, or why there
 * is none.
 */
public sealed interface Input {

    Origin origin();

    /**
     * An article object as read; bound on first use ({@link ArticleNode}), so it may
     * still turn out not to be an article: {@link #checked()} says.
     *
     * @param folder the folder of the JSON file; image paths are relative to it
     * @param stem the output file-name stem given to it for this run, or {@code null}
     * before that
     */
    record Parsed(Origin origin, Path folder, ArticleNode node, String stem) implements Input {

        /**
         * @param warnings what reading changed (e.g. characters XML cannot hold, removed)
         */
        public Parsed(Origin origin, Path folder, Article article, List<String> warnings, String stem) {
            this(origin, folder, ArticleNode.of(article, warnings), stem);
        }

        public Parsed withStem(String newStem) {
            return new Parsed(origin, folder, node, newStem);
        }

        /**
         * This article, or its rejection when it does not bind (with the reason and
         * origin reading always gave).
         */
        public Input checked() {
            String rejection = node.rejection();
            return rejection == null ? this : new Rejected(origin, rejection);
        }

        /** The bound article: only after {@link #checked()} kept it. */
        public Article article() {
            return node.article();
        }

        /**
         * What reading changed (e.g. characters XML cannot hold, removed): only after
         * {@link #checked()} kept it.
         */
        public List<String> warnings() {
            return node.warnings();
        }
    }

    /**
     * Input files passed over unread: unchanged since their last complete export
     * ({@link FileSkip}). Their articles are counted, not read.
     *
     * @param origin the first of the files
     * @param lastFile the last of them, by name relative to the input folder
     * @param files how many files
     * @param articles how many articles they hold that this reader's share counts (a
     * file's articles are counted by the share that owns its problems, so once per run)
     * @param names who holds the output names of the skipped files' articles
     */
    record Unchanged(Origin origin, String lastFile, int files, int articles, FileSkip.Names names) implements Input {
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
