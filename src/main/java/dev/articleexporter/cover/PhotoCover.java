package dev.articleexporter.cover;

import dev.articleexporter.cover.CoverFonts.Face;
import dev.articleexporter.cover.TypographicCover.Words;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The design over a lead picture: the picture scaled and cropped about its centre to fill
 * the cover, a dark gradient over its lower half, and the site, title and date in white
 * on it, from the bottom up, so the text reads on any photo.
 */
final class PhotoCover {

    private static final float MARGIN = 128;

    private static final float BOTTOM = 176;

    private static final float[] TITLE_SIZES = { 128, 112, 96, 80 };

    private static final Color SHADE = new Color(0, 0, 0, 220);

    private static final Color CLEAR = new Color(0, 0, 0, 0);

    private PhotoCover() {
    }

    static List<TextBlock> draw(Graphics2D g, int width, BufferedImage picture, Words words, CoverFonts fonts) {
        float s = width / TypographicCover.UNITS;
        int height = width * CoverMaker.HEIGHT / CoverMaker.WIDTH;
        fill(g, width, height, picture);
        float inner = width - 2 * MARGIN * s;
        List<TextBlock> blocks = new ArrayList<>(3);
        TextBlock site = words.site() == null ? null
                : TextBlock.layout(words.site(), fonts, Face.LABEL, TypographicCover.sizes(s, 60), inner, 1);
        TextBlock title = TextBlock.layout(words.title(), fonts, Face.TITLE, TypographicCover.sizes(s, TITLE_SIZES),
                inner, 6);
        TextBlock date = words.date() == null ? null
                : TextBlock.layout(words.date(), fonts, Face.TEXT, TypographicCover.sizes(s, 52), inner, 1);
        float gap = 56 * s;
        float total = title.height() + (site == null ? 0 : site.height() + gap)
                + (date == null ? 0 : date.height() + gap);
        float top = height - BOTTOM * s - total;
        int shadeTop = Math.max(0, Math.round(top - 560 * s));
        int solid = Math.round(top - 80 * s);
        g.setPaint(new GradientPaint(0, shadeTop, CLEAR, 0, solid, SHADE));
        g.fillRect(0, shadeTop, width, height - shadeTop);
        g.setPaint(Color.WHITE);
        float y = top;
        for (TextBlock block : new TextBlock[] { site, title, date }) {
            if (block != null) {
                blocks.add(block);
                // the next block's top: this one's last baseline and the gap
                y = block.draw(g, MARGIN * s, y, inner) + gap;
            }
        }
        return blocks;
    }

    /** Scales the picture to cover the whole image and crops what overflows, centred. */
    private static void fill(Graphics2D g, int width, int height, BufferedImage picture) {
        int pw = picture.getWidth();
        int ph = picture.getHeight();
        // the source rectangle of the cover's aspect, as large as the picture allows
        int sw = pw;
        int sh = (int) ((long) pw * height / width);
        if (sh > ph) {
            sh = ph;
            sw = (int) ((long) ph * width / height);
        }
        int sx = (pw - sw) / 2;
        int sy = (ph - sh) / 2;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, width, height, sx, sy, sx + sw, sy + sh, Color.BLACK, null);
    }

}
