package dev.articleexporter.render.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BidiLine;
import org.openpdf.text.pdf.ColumnText;

/**
 * Cuts a long block of text that needs bidi (laid out in a table cell: see
 * {@code Layout.block}) into pieces of whole lines, one table row each, so that the block
 * is set in time linear in its length and looks exactly as in one cell.
 *
 * <p>
 * Why: OpenPDF's {@link BidiLine} copies the rest of the bidi paragraph for every line it
 * sets, and a table cell split over pages is laid out again from its start for every
 * page: one cell of a megabyte took minutes. Cut anywhere, though, every piece would
 * start a new line and leave a short line before it. So the pieces end where OpenPDF ends
 * a line: a window of text is set with the same {@link BidiLine} line breaking (same
 * chunks, fonts, width and run direction), and the piece ends where one of the window's
 * later lines starts; the rest goes on into the next window. Greedy line breaking decides
 * each line from its own text, so those lines are the lines the whole block has.
 *
 * <p>
 * A piece is a bidi paragraph of its own, so a cut must also leave the bidi levels as
 * they are. It does where the next line begins with a strong (left-to-right or
 * right-to-left) character and the line before ends in one, with only white space
 * between: no neutral or number near the cut takes its direction from across it. (Arabic
 * shaping joins letters into ligatures, so a position inside a word of the shaped text is
 * not one in the text; white space is left as it is and counted.) A window without such a
 * line start grows; at eight times its size it is cut at any line start after white
 * space, else at its end (a short line may show there). Text with line breaks or explicit
 * bidi embeddings is left whole: a line break starts a bidi paragraph of its own anyway,
 * and paragraphs never hold one (TidyWhitespace).
 */
final class BidiPieces {

    /**
     * Chars per window: about 30 lines of body text, under a page, so a row is seldom
     * split.
     */
    static final int PIECE = 3000;

    /**
     * A window without a line start to cut at grows, doubling, up to this many times its
     * size.
     */
    private static final int MAX_GROWTH = 8;

    private BidiPieces() {
    }

    /**
     * The chunks as one piece, or cut into pieces of whole lines of about {@code piece}
     * chars each.
     * @param content the chunks' text, concatenated
     * @param width the width of the cell's text, in points
     * @param direction the cell's run direction ({@code PdfWriter.RUN_DIRECTION_*})
     */
    static List<List<Chunk>> cut(List<Chunk> chunks, String content, float width, int direction, int piece) {
        long longest = piece + piece / 2L; // the last piece may be half as long again
        if (content.length() <= longest || !cuttable(content)) {
            return List.of(chunks);
        }
        Slicer slicer = new Slicer(chunks);
        List<List<Chunk>> pieces = new ArrayList<>();
        int start = 0;
        while (start < content.length()) {
            int end = start;
            for (long size = piece; end <= start; size *= 2) {
                if (content.length() - start <= size + size / 2) {
                    end = content.length(); // the rest is one piece
                    break;
                }
                int windowEnd = TextSetter.cut(content, start, (int) size);
                LineStarts found = lineStarts(slicer.slice(start, windowEnd), content, start, windowEnd, width,
                        direction);
                if (found.keepingLevels() > start) {
                    end = found.keepingLevels();
                }
                else if (size >= (long) MAX_GROWTH * piece) {
                    // Nowhere to cut as it should: at a line start all the same (a
                    // neutral or number next to it
                    // may take the other direction), or anywhere (a short line may show
                    // there).
                    end = found.any() > start ? found.any() : windowEnd;
                    while (end < content.length() && BidiLine.isWS(content.charAt(end))) {
                        end++; // a cell does not drop white space it starts with
                    }
                }
            }
            pieces.add(slicer.slice(start, end));
            start = end;
        }
        return pieces;
    }

    /**
     * Line starts of a window, in the text ({@code start} for none): the last one a piece
     * may end before, and the last one after white space.
     */
    private record LineStarts(int keepingLevels, int any) {
    }

    /** No line breaks, no explicit embeddings, overrides or isolates. */
    private static boolean cuttable(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where lines of the window start (but the first and the last, which may be cut short
     * by the window).
     */
    private static LineStarts lineStarts(List<Chunk> window, String content, int start, int windowEnd, float width,
            int direction) {
        Lines lines = new Lines();
        Phrase phrase = new Phrase();
        for (Chunk c : window) {
            phrase.add(phrase.size(), c);
        }
        new Feeder(lines).addText(phrase);
        // of lines after white space, in the shaped text of the window
        List<Integer> starts = new ArrayList<>();
        while (lines.processLine(0f, width, Element.ALIGN_LEFT, direction, 0) != null) {
            // The next line starts at the first character that is not white space from
            // here: where a line
            // ends at a space that did not fit, the line breaker stops at that space and
            // skips it next time.
            int next = lines.position();
            while (next < lines.length() && BidiLine.isWS(lines.charAt(next))) {
                next++;
            }
            if (next >= lines.length()) {
                break; // that was the last line
            }
            if (next > 0 && BidiLine.isWS(lines.charAt(next - 1))) {
                starts.add(next);
            }
        }
        if (starts.isEmpty()) {
            return new LineStarts(start, start);
        }
        // The same line starts in the window's own text: just after as many white-space
        // characters.
        int[] spaces = lines.spacesBefore(starts);
        List<Integer> afterSpace = new ArrayList<>();
        afterSpace.add(start);
        for (int i = start; i < windowEnd; i++) {
            if (BidiLine.isWS(content.charAt(i))) {
                afterSpace.add(i + 1);
            }
        }
        int any = start;
        for (int k = spaces.length - 1; k >= 0; k--) {
            if (spaces[k] < afterSpace.size()) {
                int at = afterSpace.get(spaces[k]);
                any = Math.max(any, at);
                if (at > start && keepsLevels(content, at, start)) {
                    return new LineStarts(at, any);
                }
            }
        }
        return new LineStarts(start, any);
    }

    /**
     * Whether the text may be cut into two bidi paragraphs at {@code at} without a
     * character changing its level: a strong character there, and a strong one before the
     * white space in front of it.
     */
    static boolean keepsLevels(String content, int at, int start) {
        if (at >= content.length() || !strong(content.codePointAt(at))) {
            return false;
        }
        int j = at;
        while (j > start && BidiLine.isWS(content.charAt(j - 1))) {
            j--;
        }
        return j > start && j < at && strong(content.codePointBefore(j));
    }

    private static boolean strong(int cp) {
        byte d = Character.getDirectionality(cp);
        return d == Character.DIRECTIONALITY_LEFT_TO_RIGHT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** OpenPDF's bidi line breaking, with the position it reached. */
    private static final class Lines extends BidiLine {

        /**
         * Where the next line starts, in the shaped text (or the white space before it).
         */
        int position() {
            return currentChar;
        }

        int length() {
            return totalTextLength;
        }

        char charAt(int i) {
            return text[i];
        }

        /**
         * For each of the ascending positions, how many white-space characters the shaped
         * text has before it.
         */
        int[] spacesBefore(List<Integer> positions) {
            int[] counts = new int[positions.size()];
            int n = 0;
            int i = 0;
            for (int k = 0; k < counts.length; k++) {
                for (int end = positions.get(k); i < end; i++) {
                    if (isWS(text[i])) {
                        n++;
                    }
                }
                counts[k] = n;
            }
            return counts;
        }

    }

    /**
     * Turns chunks into the line breaker's pieces, as a cell does (the constructors are
     * OpenPDF's own).
     */
    private static final class Feeder extends ColumnText {

        Feeder(BidiLine lines) {
            super(null);
            this.bidiLine = lines;
        }

    }

    /**
     * Chunks of any range of the concatenated text, with the font and attributes of the
     * chunk they come from.
     */
    private static final class Slicer {

        private final List<Chunk> chunks;

        private final int[] starts;

        private final String[] contents;

        Slicer(List<Chunk> chunks) {
            this.chunks = chunks;
            this.starts = new int[chunks.size() + 1];
            this.contents = new String[chunks.size()];
            for (int i = 0; i < chunks.size(); i++) {
                contents[i] = chunks.get(i).getContent();
                starts[i + 1] = starts[i] + contents[i].length();
            }
        }

        List<Chunk> slice(int from, int to) {
            List<Chunk> slice = new ArrayList<>();
            for (int i = index(from); i < chunks.size() && starts[i] < to; i++) {
                int a = Math.max(from, starts[i]) - starts[i];
                int b = Math.min(to, starts[i + 1]) - starts[i];
                if (a >= b) {
                    continue;
                }
                Chunk original = chunks.get(i);
                Chunk part = new Chunk(a == 0 && b == contents[i].length() ? contents[i] : contents[i].substring(a, b),
                        original.getFont());
                if (original.hasAttributes()) {
                    part.setChunkAttributes(new HashMap<>(original.getChunkAttributes()));
                }
                slice.add(part);
            }
            return slice;
        }

        /** The chunk holding position {@code at}. */
        private int index(int at) {
            int lo = 0;
            int hi = chunks.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= at) {
                    lo = mid;
                }
                else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

    }

}
