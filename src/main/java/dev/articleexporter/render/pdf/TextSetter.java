package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Warnings;
import java.awt.Color;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * Splits text into chunks, each drawn by the first font of the {@link FontChain} that has
 * its characters (per character, as OpenPDF's {@code FontSelector} does). Characters no
 * font covers are left out and counted per script, to be reported once per script. One
 * per document: it is mutable.
 *
 * <p>
 * Text is first composed (NFC); a combining mark left over (script INHERITED) stays in
 * the font of its base character when that font has it.
 */
final class TextSetter {

    /**
     * A text style of one document: a chain style, a size and a colour, with its
     * {@code Font}s per base font.
     */
    static final class Face {

        final FontChain.Style style;

        final float size;

        final Color color;

        final Font primary;

        private final Map<BaseFont, Font> fonts = new IdentityHashMap<>(4);

        Face(FontChain chain, FontChain.Style style, float size, Color color) {
            this.style = style;
            this.size = size;
            this.color = color;
            this.primary = new Font(chain.primary(style), size, Font.NORMAL, color);
            fonts.put(primary.getBaseFont(), primary);
        }

        /**
         * The Font for a base font; a font from the folders gets simulated bold or
         * italic.
         */
        Font font(FontChain chain, BaseFont base) {
            Font f = fonts.get(base);
            if (f == null) {
                int simulated = !chain.discovered(base) ? Font.NORMAL
                        : (style.bold() ? Font.BOLD : 0) | (style.italic() ? Font.ITALIC : 0);
                f = new Font(base, size, simulated, color);
                fonts.put(base, f);
            }
            return f;
        }

    }

    /** Per script: how many characters were left out, and the first of them. */
    private record Missing(int count, int first) {
    }

    /**
     * Longest chunk, in chars. OpenPDF copies the rest of a chunk for every line it takes
     * from it ({@code PdfChunk.split}), so one chunk holding a paragraph of megabytes
     * costs time quadratic in its length; cut into chunks of this size, a paragraph of
     * any length is set in linear time.
     */
    static final int MAX_CHUNK = 2048;

    private final FontChain chain;

    private final int maxChunk;

    private final Map<Character.UnicodeScript, Missing> missing = new LinkedHashMap<>();

    TextSetter(FontChain chain) {
        this(chain, MAX_CHUNK);
    }

    /**
     * @param maxChunk the longest chunk, in chars ({@link Integer#MAX_VALUE}: never cut,
     * for tests)
     */
    TextSetter(FontChain chain, int maxChunk) {
        this.chain = chain;
        this.maxChunk = Math.max(16, maxChunk);
    }

    FontChain chain() {
        return chain;
    }

    /**
     * The text as chunks of the face, counting characters no font covers. Consecutive
     * chunks of one font are a run longer than {@link #MAX_CHUNK}, cut before a space
     * (see {@link #cut}): add them to a phrase with {@code add(size(), chunk)}, as
     * {@code Phrase.add} would join them again.
     */
    List<Chunk> chunks(String text, Face face) {
        return chunks(text, face, true);
    }

    /**
     * @param count whether left-out characters are counted (not for text shown twice,
     * like the running title in the footer)
     */
    List<Chunk> chunks(String text, Face face, boolean count) {
        text = composed(text);
        BaseFont first = face.primary.getBaseFont();
        if (chain.drawsAll(first, text)) {
            if (text.length() <= maxChunk) {
                // the common case: one chunk, as before
                return List.of(new Chunk(text, face.primary));
            }
            List<Chunk> chunks = new ArrayList<>(text.length() / (maxChunk / 2) + 1);
            add(chunks, text, face.primary);
            return chunks;
        }
        List<Chunk> chunks = new ArrayList<>(4);
        StringBuilder run = new StringBuilder(text.length());
        BaseFont current = null;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            BaseFont f;
            if (cp < 0x20 || Character.isISOControl(cp)) {
                // line breaks and tabs: layout, not glyphs
                f = current != null ? current : first;
            }
            else if (current != null && isMark(cp) && FontChain.usable(current, cp)) {
                // a combining mark (one with no precomposed form) stays with its base
                // character
                f = current;
            }
            else {
                f = chain.find(face.style, cp);
            }
            if (f == null) {
                if (count && !invisible(cp)) {
                    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                    Missing m = missing.get(script);
                    missing.put(script, m == null ? new Missing(1, cp) : new Missing(m.count() + 1, m.first()));
                }
                continue;
            }
            if (f != current && !run.isEmpty()) {
                add(chunks, run.toString(), face.font(chain, current));
                run.setLength(0);
            }
            current = f;
            run.appendCodePoint(cp);
        }
        if (!run.isEmpty()) {
            add(chunks, run.toString(), face.font(chain, current));
        }
        if (chunks.isEmpty()) {
            chunks.add(new Chunk("", face.primary));
        }
        return chunks;
    }

    /**
     * Adds a run of one font as one chunk, or as several of at most {@link #maxChunk}
     * chars.
     */
    private void add(List<Chunk> chunks, String run, Font font) {
        int start = 0;
        while (run.length() - start > maxChunk) {
            int end = cut(run, start, maxChunk);
            chunks.add(new Chunk(run.substring(start, end), font));
            start = end;
        }
        chunks.add(new Chunk(start == 0 ? run : run.substring(start), font));
    }

    /**
     * Where a chunk of at most {@code max} chars from {@code start} ends ({@code text}
     * must be longer than {@code start + max}): just before a space in its second half,
     * so that the next chunk begins with the space; else between two characters OpenPDF
     * may break a line after (two ideographs: see {@link #breaksAfter}); else (one word
     * of over {@code max / 2} chars) between two code points.
     *
     * <p>
     * That way a line breaks where it would have inside one chunk. OpenPDF fills a line
     * chunk by chunk and breaks a chunk after the last character it may break after
     * ({@code PdfChunk.split}); a chunk that has none before the line is full moves to
     * the next line whole. A chunk beginning with its space has one at once; a chunk
     * beginning with the word after a space has none when exactly that word still fits
     * and only the space after it does not, and would move the word that fits to the next
     * line.
     */
    static int cut(String text, int start, int max) {
        int limit = start + max;
        int floor = start + max / 2;
        for (int i = limit; i > floor; i--) {
            if (text.charAt(i) == ' ') {
                return i;
            }
        }
        for (int i = limit; i > floor; i--) {
            if (breaksAfter(text.charAt(i - 1)) && breaksAfter(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /**
     * Whether OpenPDF may end a line after {@code c} (its {@code DefaultSplitCharacter}).
     */
    static boolean breaksAfter(char c) {
        if (c <= ' ' || c == '-' || c == '\u2010') {
            return true;
        }
        return c >= 0x2002 && (c <= 0x200b || c >= 0x2e80 && c < 0xd7a0 || c >= 0xf900 && c < 0xfb00
                || c >= 0xfe30 && c < 0xfe50 || c >= 0xff61 && c < 0xffa0);
    }

    /** The width of the text as {@link #chunks} would draw it. */
    float width(String text, Face face) {
        float w = 0;
        for (Chunk c : chunks(text, face, false)) {
            w += c.getFont().getBaseFont().getWidthPoint(c.getContent(), face.size);
        }
        return w;
    }

    /** Adds one warning per script with characters no font covers. */
    void report(Warnings warnings) {
        missing.forEach((script, m) -> warnings.add(String.format(Locale.ROOT,
                "pdf: no font covers %d character%s of script %s (first U+%04X '%s'); add a font folder with --fonts",
                m.count(), m.count() == 1 ? "" : "s", script, m.first(), Character.toString(m.first()))));
    }

    /**
     * The text in Unicode normalisation form C: a letter followed by combining accents
     * becomes the precomposed letter where there is one. OpenPDF places glyphs one after
     * the other without the font's mark positioning, so "e" + U+0301 would show the
     * accent beside the e, not on it; the composed form is the same text (canonically
     * equivalent) and is drawn and extracted whole.
     */
    static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x0300) { // no combining mark below U+0300
                return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                        : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    private static boolean isMark(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.INHERITED;
    }

    /**
     * Format characters (joiners, direction marks) and variation selectors have no glyph
     * of their own; when no font has them, leaving them out changes nothing visible, so
     * they are not reported.
     */
    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

}
