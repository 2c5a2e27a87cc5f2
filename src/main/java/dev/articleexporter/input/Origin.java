package dev.articleexporter.input;

import java.io.Serializable;

/**
 * Where an input came from, for messages: the file (relative to the input folder) and,
 * for a file holding an array, the 1-based position in it.
 *
 * @param position 1-based index in the file's array, or 0 when the file holds one object
 */
public record Origin(String file, int position) implements Serializable {

    public static Origin wholeFile(String file) {
        return new Origin(file, 0);
    }

    /**
     * The origin {@link #toString()} wrote, read back: {@code briefs.json #2} is the
     * second article of {@code briefs.json}, {@code briefs.json} the file's one article.
     * (A file name never ends in {@code " #<digits>"}: inputs end in {@code .json}.)
     */
    public static Origin parse(String text) {
        int hash = text.lastIndexOf(" #");
        if (hash > 0 && hash + 2 < text.length()
                && text.substring(hash + 2).chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return new Origin(text.substring(0, hash), Integer.parseInt(text.substring(hash + 2)));
            }
            catch (NumberFormatException tooLarge) {
                return wholeFile(text);
            }
        }
        return wholeFile(text);
    }

    /** E.g. {@code briefs.json} or {@code briefs.json #2}. */
    @Override
    public String toString() {
        return position == 0 ? file : file + " #" + position;
    }
}
