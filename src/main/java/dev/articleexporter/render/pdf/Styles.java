package dev.articleexporter.render.pdf;

import dev.articleexporter.render.pdf.TextSetter.Face;
import java.awt.Color;
import java.text.Bidi;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The text styles of one document (its faces, colours and direction) over the shared font
 * chain. Per document: the {@code Font}s of the faces are mutable, so never shared.
 */
final class Styles {

    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color SOFT = new Color(0x44, 0x44, 0x44);
    static final Color GREY = new Color(0x6b, 0x6b, 0x6b);
    static final Color RULE = new Color(0xc8, 0xc8, 0xc8);
    static final Color LINK = new Color(0x1f, 0x4e, 0x8c);

    final TextSetter text;

    /** The article's language is written right to left. */
    final boolean rtl;

    /**
     * About how many chars a cell of bidi text holds before the block is cut into rows
     * ({@link BidiPieces}).
     */
    final int bidiPiece;

    final Face title;

    final Face metaLine;

    final Face byline;

    final Face link;

    final Face intro;

    final Face headingNumber;

    final Face heading;

    final Face body;

    final Face caption;

    final Face placeholder;

    final Face endHeading;

    final Face listItem;

    final Face listLink;

    final Face bullet;

    final Face creditItem;

    final Face footer;

    Styles(FontChain chain, boolean rtl) {
        this(chain, rtl, TextSetter.MAX_CHUNK, BidiPieces.PIECE);
    }

    Styles(FontChain chain, boolean rtl, int maxChunk, int bidiPiece) {
        this.text = new TextSetter(chain, maxChunk);
        this.rtl = rtl;
        this.bidiPiece = bidiPiece;
        title = new Face(chain, FontChain.Style.SANS_BOLD, 22f, INK);
        metaLine = new Face(chain, FontChain.Style.SANS, 9.5f, GREY);
        byline = new Face(chain, FontChain.Style.SANS, 9.5f, SOFT);
        link = new Face(chain, FontChain.Style.SANS, 9f, LINK);
        // Roman, larger and softer than the body rather than italic: one embedded font
        // less per PDF,
        // which is a quarter of the font work (subset and deflate) and about 15 KB of
        // every file.
        intro = new Face(chain, FontChain.Style.SERIF, 12.5f, SOFT);
        headingNumber = new Face(chain, FontChain.Style.SANS_BOLD, 14f, GREY);
        heading = new Face(chain, FontChain.Style.SANS_BOLD, 14f, INK);
        body = new Face(chain, FontChain.Style.SERIF, 11f, INK);
        caption = new Face(chain, FontChain.Style.SANS, 8f, GREY);
        placeholder = new Face(chain, FontChain.Style.SANS_ITALIC, 9f, GREY);
        endHeading = new Face(chain, FontChain.Style.SANS_BOLD, 12f, INK);
        listItem = new Face(chain, FontChain.Style.SERIF, 11f, INK);
        listLink = new Face(chain, FontChain.Style.SERIF, 11f, LINK);
        bullet = new Face(chain, FontChain.Style.SANS, 11f, GREY);
        creditItem = new Face(chain, FontChain.Style.SANS, 9f, SOFT);
        footer = new Face(chain, FontChain.Style.SANS, 8f, GREY);
    }

    List<Chunk> chunks(String s, Face face) {
        return text.chunks(s, face);
    }

    /**
     * The run direction of a block of text: right to left in a right-to-left article;
     * else no bidi at all without right-to-left characters, or the direction of the first
     * strong character (Unicode bidi rule P2).
     */
    int direction(String s) {
        if (rtl) {
            return PdfWriter.RUN_DIRECTION_RTL;
        }
        if (!hasRightToLeft(s)) {
            return PdfWriter.RUN_DIRECTION_NO_BIDI;
        }
        return firstStrongIsRightToLeft(s) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }

    /**
     * The language of a block written right to left in an article that is not, so that a
     * screen reader switches voice: guessed from the script of its first strong character
     * (Arabic {@code ar}, Hebrew {@code he}); {@code null} when it is the article's own,
     * or the script says too little.
     */
    String language(String s) {
        if (rtl || !hasRightToLeft(s)) {
            return null;
        }
        int cp = firstStrong(s);
        if (cp < 0 || !rightToLeft(cp)) {
            return null;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case ARABIC -> "ar";
            case HEBREW -> "he";
            default -> null;
        };
    }

    static boolean hasRightToLeft(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x0590) { // nothing below Hebrew is right to left
                char[] chars = s.toCharArray();
                return Bidi.requiresBidi(chars, 0, chars.length);
            }
        }
        return false;
    }

    static boolean firstStrongIsRightToLeft(String s) {
        int cp = firstStrong(s);
        return cp >= 0 && rightToLeft(cp);
    }

    /** The first strongly directional character (Unicode bidi rule P2), or -1. */
    private static int firstStrong(String s) {
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (rightToLeft(cp) || Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return cp;
            }
        }
        return -1;
    }

    private static boolean rightToLeft(int cp) {
        byte d = Character.getDirectionality(cp);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

}
