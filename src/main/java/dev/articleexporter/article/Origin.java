package dev.articleexporter.article;

import java.io.Serializable;

/**
 * Where an input came from, for messages: the file (relative to the input folder) and, for a
 * file holding an array, the 1-based position in it.
 *
 * @param position 1-based index in the file's array, or 0 when the file holds one object
 */
public record Origin(String file, int position) implements Serializable {

    public static Origin wholeFile(String file) {
        return new Origin(file, 0);
    }

    /** E.g. {@code briefs.json} or {@code briefs.json #2}. */
    @Override
    public String toString() {
        return position == 0 ? file : file + " #" + position;
    }
}
