package dev.articleexporter.input;

/**
 * Which inputs one partition of a run takes. Every partition reads every file, but only
 * converts and hands on the articles it owns, so the expensive part (checking, rendering)
 * is split while the order in which one partition meets its articles stays the input
 * order.
 */
public interface Share {

    /** Everything: a run that is not partitioned, or validation. */
    Share ALL = new Share() {
        @Override
        public boolean ownsArticle(String fileName, ArticleNode article) {
            return true;
        }

        @Override
        public boolean ownsFileProblems(String fileName) {
            return true;
        }
    };

    /**
     * True when this partition takes the article, an object as read (before it is checked
     * or bound).
     */
    boolean ownsArticle(String fileName, ArticleNode article);

    /**
     * True when this partition reports the file's own problems (not JSON, not an article
     * list, ...).
     */
    boolean ownsFileProblems(String fileName);

}
