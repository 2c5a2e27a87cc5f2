package dev.articleexporter.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * The words of a syntax error in an input file ({@link ArticleFile}): where it is, as
 * line and column, and about how many articles it left unread. Errors are rare, so the
 * file is read again to find the line rather than lines being counted while framing.
 */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    /**
     * Where Jackson's error in a value that starts at {@code start} is, as an offset of
     * the file.
     */
    static long offset(long start, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return start + (at != null && at.getByteOffset() >= 0 ? at.getByteOffset() : 0);
    }

    /**
     * "not valid JSON: line 3, column 14: " and what is wrong; when the error cut an
     * array of articles short, also about how many articles that left unread.
     * @param file the file as it was opened
     * @param rest the framer of the array, just after the error; {@code null} when the
     * file holds no array
     */
    static String reason(Path file, long offset, String what, JsonFramer rest) throws IOException {
        long[] at = lineAndColumn(file, offset);
        StringBuilder reason = new StringBuilder("not valid JSON: line ").append(at[0])
            .append(", column ")
            .append(at[1])
            .append(": ")
            .append(what);
        if (rest != null) {
            int skipped = countRest(rest);
            if (skipped > 0) {
                reason.append("; the rest of the file was skipped (about ")
                    .append(skipped)
                    .append(skipped == 1 ? " more article)" : " more articles)");
            }
        }
        return reason.toString();
    }

    /**
     * About how many articles the array holds after the framer's position: objects at its
     * top level, counted, not read. Only objects: after an error inside a string, the
     * framer may take text for structure, and words counted as values would make the
     * number absurd.
     */
    private static int countRest(JsonFramer framer) {
        int count = 0;
        try {
            for (int next = framer.peek(); next >= 0 && next != ']'; next = framer.peek()) {
                if (next == ',' || next == ':' || next == '}') {
                    framer.take();
                }
                else if (framer.frame(false).first == '{') {
                    count++;
                }
            }
        }
        catch (IOException e) {
            // as many as were found
        }
        return count;
    }

    /**
     * Line and column (both 1-based) of an offset of the file, read again from its start.
     */
    static long[] lineAndColumn(Path file, long offset) throws IOException {
        try (InputStream in = JsonSource.utf8(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
            return JsonSource.lineAndColumn(in, offset);
        }
    }

}
