package dev.articleexporter.render.epub;

import static dev.articleexporter.render.epub.Markup.esc;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text measured in UTF-8 bytes, and paragraphs cut to a byte size: what keeps every XHTML
 * file of a book within its budget ({@link ArticleDocument#FILE_BUDGET}).
 */
final class TextSizes {

    /**
     * Chars on either side of a cut in which grapheme clusters are looked for. (A
     * BreakIterator given a whole paragraph finds every cluster of it at once, a boxed
     * Integer each: over 100 MB for a paragraph of 7 MB.)
     */
    private static final int CLUSTER_WINDOW = 256;

    private TextSizes() {
    }

    /**
     * The paragraph as one piece, or cut into pieces whose markup stays within
     * {@code maxBytes}: after white space where there is some, else between grapheme
     * clusters. Concatenated, the pieces are the paragraph.
     */
    static List<String> pieces(String text, int maxBytes) {
        if (utf8Length(esc(text)) <= maxBytes) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            // at most 3 UTF-8 bytes per char before escaping
            int window = Math.max(1, maxBytes / 3);
            String piece;
            int end;
            while (true) {
                end = cut(text, start, window);
                piece = text.substring(start, end);
                if (window == 1 || utf8Length(esc(piece)) <= maxBytes) {
                    break;
                }
                // heavy escaping (&amp; &quot;) made it too long: try a smaller window
                window /= 2;
            }
            pieces.add(piece);
            start = end;
        }
        return pieces;
    }

    /**
     * End of a piece starting at {@code start} of at most about {@code window} chars
     * (always past {@code start}).
     */
    private static int cut(String text, int start, int window) {
        int limit = start + window;
        if (limit >= text.length()) {
            return text.length();
        }
        for (int i = limit; i > start + window / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i; // the white space ends this piece
            }
        }
        int from = Math.max(start, limit - CLUSTER_WINDOW);
        int to = Math.min(text.length(), limit + 1 + CLUSTER_WINDOW);
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text.substring(from, to));
        int boundary = from + graphemes.preceding(limit + 1 - from);
        if (boundary <= start) {
            boundary = from + graphemes.following(start - from);
        }
        return boundary;
    }

    /**
     * Bytes {@code s} takes in UTF-8 (lone surrogates, which esc() drops, count as 3). A
     * String, not a CharSequence: with the launcher's C1-only JIT an interface call per
     * character cost 5 % of an export's CPU time.
     */
    static long utf8Length(String s) {
        int length = s.length();
        long n = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            }
            else if (c < 0x800) {
                n += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            }
            else {
                n += 3;
            }
        }
        return n;
    }

}
