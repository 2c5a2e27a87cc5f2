package dev.articleexporter.cover;

import dev.articleexporter.cover.CoverFonts.Face;
import dev.articleexporter.model.Digest;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The flat typographic designs, in units of a 1600-pixel-wide cover scaled to the image
 * drawn: a thin accent band at the top, the site (or {@link Digest#NAME}) with a rule
 * under it, the title large, and an accent band at the bottom with the section and date.
 * Bands fall on multiples of 16 units, so at full size each JPEG block is one colour or
 * text.
 */
final class TypographicCover {

    /** Design units per cover width. */
    static final float UNITS = 1600f;

    private static final float MARGIN = 128;

    private static final float TOP_BAND = 64;

    private static final float BOTTOM_BAND = 416;

    private static final float[] TITLE_SIZES = { 128, 112, 96, 80 };

    private static final int TITLE_LINES = 7;

    private static final float LABEL_SIZE = 64;

    private static final float TEXT_SIZE = 56;

    private TypographicCover() {
    }

    /**
     * What a story's cover says; any but the title may be {@code null}.
     */
    record Words(String title, String site, String section, String date) {
    }

    /** Lays out and draws a story's cover on {@code g}, {@code width} pixels wide. */
    static List<TextBlock> story(Graphics2D g, int width, Words words, Palette palette, CoverFonts fonts) {
        float s = width / UNITS;
        int height = width * CoverMaker.HEIGHT / CoverMaker.WIDTH;
        float inner = width - 2 * MARGIN * s;
        List<TextBlock> blocks = new ArrayList<>(4);
        ground(g, width, height, s, palette);
        float y = (TOP_BAND + 112) * s;
        if (words.site() != null) {
            TextBlock site = TextBlock.layout(words.site(), fonts, Face.LABEL, sizes(s, LABEL_SIZE), inner, 2);
            blocks.add(site);
            g.setColor(palette.text());
            y = site.draw(g, MARGIN * s, y, inner) + 56 * s;
            g.setColor(palette.accent());
            g.fillRect(site.rightToLeft() ? Math.round((UNITS - MARGIN - 256) * s) : Math.round(MARGIN * s),
                    Math.round(y), Math.round(256 * s), Math.max(1, Math.round(16 * s)));
        }
        TextBlock title = TextBlock.layout(words.title(), fonts, Face.TITLE, sizes(s, TITLE_SIZES), inner, TITLE_LINES);
        blocks.add(title);
        g.setColor(palette.text());
        title.draw(g, MARGIN * s, Math.max(y + 160 * s, 608 * s), inner);
        bottom(g, width, height, s, palette, fonts, blocks, words.section(), words.date());
        return blocks;
    }

    /** Lays out and draws a digest's cover. */
    static List<TextBlock> digest(Graphics2D g, int width, Digest digest, Palette palette, CoverFonts fonts) {
        float s = width / UNITS;
        int height = width * CoverMaker.HEIGHT / CoverMaker.WIDTH;
        float inner = width - 2 * MARGIN * s;
        List<TextBlock> blocks = new ArrayList<>();
        ground(g, width, height, s, palette);
        TextBlock name = TextBlock.layout(Digest.NAME, fonts, Face.TITLE, sizes(s, TITLE_SIZES), inner, 2);
        blocks.add(name);
        g.setColor(palette.text());
        float y = name.draw(g, MARGIN * s, 448 * s, inner) + 72 * s;
        TextBlock date = TextBlock.layout(Digest.longDate(digest.date()), fonts, Face.TEXT, sizes(s, 88), inner, 1);
        blocks.add(date);
        y = date.draw(g, MARGIN * s, y, inner) + 72 * s;
        g.setColor(palette.accent());
        g.fillRect(Math.round(MARGIN * s), Math.round(y), Math.round(256 * s), Math.max(1, Math.round(16 * s)));
        y += 112 * s;
        g.setColor(palette.text());
        List<Digest.Section> sections = digest.sections();
        int shown = Math.min(sections.size(), 9);
        for (int i = 0; i < shown; i++) {
            String label = i == shown - 1 && sections.size() > shown ? "and " + (sections.size() - shown + 1) + " more"
                    : sections.get(i).name();
            TextBlock section = TextBlock.layout(label, fonts, Face.LABEL, sizes(s, LABEL_SIZE), inner, 1);
            blocks.add(section);
            y = section.draw(g, MARGIN * s, y, inner) + 40 * s;
        }
        bottom(g, width, height, s, palette, fonts, blocks, digest.extent(), null);
        return blocks;
    }

    private static void ground(Graphics2D g, int width, int height, float s, Palette palette) {
        g.setColor(palette.ground());
        g.fillRect(0, 0, width, height);
        g.setColor(palette.accent());
        g.fillRect(0, 0, width, Math.max(1, Math.round(TOP_BAND * s)));
    }

    /** The bottom band, with up to two lines in it. */
    private static void bottom(Graphics2D g, int width, int height, float s, Palette palette, CoverFonts fonts,
            List<TextBlock> blocks, String first, String second) {
        int top = height - Math.round(BOTTOM_BAND * s);
        g.setColor(palette.accent());
        g.fillRect(0, top, width, height - top);
        float inner = width - 2 * MARGIN * s;
        g.setColor(palette.onAccent());
        float y = top + 112 * s;
        if (first != null) {
            TextBlock block = TextBlock.layout(first, fonts, Face.LABEL, sizes(s, LABEL_SIZE), inner, 1);
            blocks.add(block);
            y = block.draw(g, MARGIN * s, y, inner) + 48 * s;
        }
        if (second != null) {
            TextBlock block = TextBlock.layout(second, fonts, Face.TEXT, sizes(s, TEXT_SIZE), inner, 1);
            blocks.add(block);
            block.draw(g, MARGIN * s, y, inner);
        }
    }

    /** Design sizes scaled to the image, at least 6 pixels. */
    static float[] sizes(float scale, float... units) {
        float[] sizes = new float[units.length];
        for (int i = 0; i < units.length; i++) {
            sizes[i] = Math.max(6f, Math.round(units[i] * scale * 4) / 4f);
        }
        return sizes;
    }

}
