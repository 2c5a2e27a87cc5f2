package dev.articleexporter.render.pdf;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Glyphs made into text, as a reader reads them: spaces where the glyphs leave a gap or a
 * line ends, each line in logical order for the base direction of its paragraph.
 */
final class GlyphText {

    private GlyphText() {
    }

    /** Glyphs read in one base direction (an element's, from its Lang), in order. */
    record Run(List<TextPosition> glyphs, boolean rtl) {
    }

    /**
     * Adds glyphs to the last run if it reads in the same direction, else as a new run.
     */
    static void add(List<Run> runs, List<TextPosition> glyphs, boolean rtl) {
        if (glyphs.isEmpty()) {
            return;
        }
        if (!runs.isEmpty() && runs.getLast().rtl() == rtl) {
            runs.getLast().glyphs().addAll(glyphs);
        }
        else {
            runs.add(new Run(new ArrayList<>(glyphs), rtl));
        }
    }

    /** Runs made into text, each in its own direction. */
    static String text(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        for (Run run : runs) {
            out.append(text(run.glyphs(), run.rtl())).append(' ');
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    static String text(List<TextPosition> positions, boolean rtl) {
        StringBuilder out = new StringBuilder();
        List<TextPosition> line = new ArrayList<>();
        for (TextPosition t : positions) {
            if (!line.isEmpty() && newLine(line.getLast(), t)) {
                out.append(line(line, rtl)).append(' ');
                line.clear();
            }
            line.add(t);
        }
        out.append(line(line, rtl));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * One line's glyphs left to right (a line with runs in both directions may be drawn
     * run by run), then in logical order.
     */
    private static String line(List<TextPosition> glyphs, boolean rtl) {
        List<TextPosition> visual = new ArrayList<>(glyphs);
        visual.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        StringBuilder line = new StringBuilder();
        TextPosition last = null;
        for (TextPosition t : visual) {
            if (last != null && gap(last, t)) {
                line.append(' ');
            }
            line.append(t.getUnicode());
            last = t;
        }
        return logical(line.toString(), rtl);
    }

    private static boolean newLine(TextPosition a, TextPosition b) {
        float height = Math.max(a.getHeightDir(), b.getHeightDir());
        return a.getPageHeight() != b.getPageHeight()
                || Math.abs(a.getYDirAdj() - b.getYDirAdj()) > Math.max(height, 1f) * 0.5f;
    }

    private static boolean gap(TextPosition a, TextPosition b) {
        float gap = b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
        return gap > b.getFontSizeInPt() * 0.15f && !a.getUnicode().isBlank() && !b.getUnicode().isBlank();
    }

    /**
     * A line in visual order (left to right on the page) in logical order, given the base
     * direction of its paragraph: runs reordered and right-to-left runs reversed.
     */
    static String logical(String visual, boolean rtl) {
        if (!Bidi.requiresBidi(visual.toCharArray(), 0, visual.length())) {
            return visual;
        }
        Bidi bidi = new Bidi(visual, rtl ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return visual;
        }
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, runs);
        StringBuilder out = new StringBuilder(visual.length());
        for (int i = 0; i < runs; i++) {
            int run = order[i];
            int start = bidi.getRunStart(run);
            int end = bidi.getRunLimit(run);
            if ((levels[run] & 1) == 0) {
                out.append(visual, start, end);
            }
            else {
                out.append(new StringBuilder(visual.substring(start, end)).reverse());
            }
        }
        return out.toString();
    }

}
