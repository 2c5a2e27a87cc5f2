package dev.articleexporter.cover;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A paragraph of cover text broken into lines: each run of characters in the first font
 * of the face's chain that draws it ({@link CoverFonts}), characters no font has left
 * out, lines broken with {@link LineBreakMeasurer} (which breaks CJK between characters
 * and a word too long for a line inside it), and laid out with {@link TextLayout}, which
 * orders right-to-left text and shapes Arabic. A paragraph whose first strong character
 * is right-to-left is right-aligned.
 *
 * @param lines in reading order
 * @param lineHeight baseline to baseline
 * @param size the font size the lines were laid out at
 * @param rightToLeft its base direction
 * @param fonts the names of the fonts its runs are drawn with
 * @param dropped the characters no font has, left out (empty when none)
 */
record TextBlock(List<TextLayout> lines, float lineHeight, float size, boolean rightToLeft, Set<String> fonts,
        String dropped) {

    /** Rendering of text: anti-aliased, fractional advances. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static final String ELLIPSIS = "\u2026";

    /** Baseline to baseline, in ems. */
    private static final float LEADING = 1.2f;

    /**
     * Lays {@code text} out in at most {@code maxLines} lines of {@code width}, at the
     * first of {@code sizes} (largest first) where it fits; at the last size, what does
     * not fit is cut with an ellipsis. Blank text gives no lines.
     */
    static TextBlock layout(String text, CoverFonts fonts, CoverFonts.Face face, float[] sizes, float width,
            int maxLines) {
        String clean = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        boolean rtl = !clean.isEmpty() && !new Bidi(clean, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
        TextBlock block = null;
        for (int i = 0; i < sizes.length; i++) {
            block = layout(clean, rtl, fonts, face, sizes[i], width, maxLines, i == sizes.length - 1);
            if (block != null) {
                return block;
            }
        }
        return block;
    }

    /** Null when it does not fit and {@code cut} is false. */
    private static TextBlock layout(String text, boolean rtl, CoverFonts fonts, CoverFonts.Face face, float size,
            float width, int maxLines, boolean cut) {
        Runs runs = runs(text, fonts, face, size);
        List<TextLayout> lines = new ArrayList<>();
        if (!runs.text.isEmpty()) {
            LineBreakMeasurer measurer = new LineBreakMeasurer(runs.attributed(rtl).getIterator(), FRC);
            int end = runs.text.length();
            while (measurer.getPosition() < end) {
                if (lines.size() == maxLines - 1) {
                    int start = measurer.getPosition();
                    TextLayout line = measurer.nextLayout(width);
                    if (measurer.getPosition() < end) {
                        if (!cut) {
                            return null;
                        }
                        line = cutLine(runs, start, rtl, width);
                    }
                    lines.add(line);
                    break;
                }
                lines.add(measurer.nextLayout(width));
            }
        }
        return new TextBlock(List.copyOf(lines), size * LEADING, size, rtl, runs.fonts, runs.dropped.toString());
    }

    /**
     * The rest of the text from {@code start}, shortened to fit one line with an
     * ellipsis.
     */
    private static TextLayout cutLine(Runs runs, int start, boolean rtl, float width) {
        int low = start;
        int high = runs.text.length();
        TextLayout best = null;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            TextLayout candidate = runs.sub(start, mid).attributedLine(rtl);
            if (candidate != null && candidate.getAdvance() <= width) {
                best = candidate;
                low = mid;
            }
            else {
                high = mid - 1;
            }
        }
        return best != null ? best : runs.sub(start, start).attributedLine(rtl);
    }

    /** The height of its lines, from the top of the first to the baseline of the last. */
    float height() {
        return lines.isEmpty() ? 0 : size * 0.95f + (lines.size() - 1) * lineHeight;
    }

    /**
     * Draws the lines from {@code top}, between {@code left} and {@code left + width}:
     * right-aligned when right-to-left. Returns the baseline of the last line.
     */
    float draw(Graphics2D g, float left, float top, float width) {
        float baseline = top + size * 0.95f;
        for (TextLayout line : lines) {
            float x = rightToLeft ? left + width - line.getAdvance() : left;
            line.draw(g, x, baseline);
            baseline += lineHeight;
        }
        return baseline - lineHeight;
    }

    /** The text with each character's font, characters no font has left out. */
    private record Runs(String text, List<Font> fontAt, Set<String> fonts, StringBuilder dropped, Font ellipsis) {

        AttributedString attributed(boolean rtl) {
            AttributedString s = new AttributedString(text);
            int i = 0;
            while (i < text.length()) {
                int j = i + 1;
                while (j < text.length() && fontAt.get(j) == fontAt.get(i)) {
                    j++;
                }
                s.addAttribute(TextAttribute.FONT, fontAt.get(i), i, j);
                i = j;
            }
            s.addAttribute(TextAttribute.RUN_DIRECTION,
                    rtl ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
            return s;
        }

        Runs sub(int from, int to) {
            String part = text.substring(from, to).stripTrailing() + ELLIPSIS;
            List<Font> at = new ArrayList<>(fontAt.subList(from, from + part.length() - 1));
            at.add(ellipsis);
            return new Runs(part, at, fonts, dropped, ellipsis);
        }

        TextLayout attributedLine(boolean rtl) {
            return new TextLayout(attributed(rtl).getIterator(), FRC);
        }

    }

    private static Runs runs(String text, CoverFonts fonts, CoverFonts.Face face, float size) {
        StringBuilder kept = new StringBuilder(text.length());
        List<Font> fontAt = new ArrayList<>(text.length());
        Set<String> used = new LinkedHashSet<>();
        StringBuilder dropped = new StringBuilder();
        Font current = fonts.primary(face, size);
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            Font font;
            if (attached(cp) && current.canDisplay(cp)) {
                // spaces, joiners and marks stay in the run they are in
                font = current;
            }
            else {
                font = fonts.find(face, cp, size);
            }
            if (font == null) {
                if (!attached(cp)) {
                    dropped.appendCodePoint(cp);
                }
                i += n;
                continue;
            }
            current = font;
            used.add(font.getFontName(Locale.ROOT));
            kept.appendCodePoint(cp);
            for (int k = 0; k < n; k++) {
                fontAt.add(font);
            }
            i += n;
        }
        Font ellipsis = fonts.find(face, ELLIPSIS.codePointAt(0), size); // DejaVu has it
        return new Runs(kept.toString(), fontAt, used, dropped, ellipsis);
    }

    /** Characters that belong to their neighbours' run rather than choosing a font. */
    private static boolean attached(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
    }

}
