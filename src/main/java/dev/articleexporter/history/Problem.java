package dev.articleexporter.history;

/**
 * A warning or a rejected input of a run.
 *
 * @param file input file, relative to the input folder (with "#n" for the n-th article of
 * an array)
 * @param article the article's id or title when known, else {@code null}
 */
public record Problem(Kind kind, String file, String article, String message) {

    public enum Kind {

        /** The article was exported, but something in it was left out or changed. */
        WARNING,
        /** The input (a file, or one article of it) was not exported. */
        REJECTED

    }

    /**
     * How messages name an article: its id, else its title, cut short (a 400-character id
     * must not flood a summary).
     */
    public static String articleLabel(String id, String title) {
        String label = id != null && !id.isBlank() ? id.strip()
                : title == null || title.isBlank() ? null : title.strip();
        return label == null || label.length() <= 80 ? label : label.substring(0, 79) + "…";
    }

    /** "briefs.json #2 (three-questions): the article has no title". */
    @Override
    public String toString() {
        return file + (article == null || article.isBlank() ? "" : " (" + article + ")") + ": " + message;
    }
}
