package dev.articleexporter.web;

import dev.articleexporter.model.Cover;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Cover files as the export writes them beside a stem's books ({@code stem.cover.jpg},
 * {@code stem.thumb.jpg}), made by the tests where they set up a folder by hand, so the
 * web side is tested whether or not the export in the same test wrote covers.
 */
public final class TestCovers {

    public static final int WIDTH = 1600;

    public static final int HEIGHT = 2560;

    public static final int THUMB_WIDTH = 200;

    public static final int THUMB_HEIGHT = 320;

    private TestCovers() {
    }

    /** Writes (or replaces) the stem's cover and thumbnail in {@code folder}. */
    public static void write(Path folder, String stem) throws IOException {
        Files.write(folder.resolve(Cover.fileName(stem)), jpeg(WIDTH, HEIGHT));
        Files.write(folder.resolve(Cover.thumbnailName(stem)), jpeg(THUMB_WIDTH, THUMB_HEIGHT));
    }

    /** Removes them: an article exported before covers existed. */
    public static void remove(Path folder, String stem) throws IOException {
        Files.deleteIfExists(folder.resolve(Cover.fileName(stem)));
        Files.deleteIfExists(folder.resolve(Cover.thumbnailName(stem)));
    }

    private static final java.util.Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A real JPEG of this size (made once per size: encoding a full cover takes time).
     */
    public static byte[] jpeg(int width, int height) throws IOException {
        byte[] made = MADE.get(width + "x" + height);
        if (made == null) {
            made = encode(width, height);
            MADE.put(width + "x" + height, made);
        }
        return made.clone();
    }

    private static byte[] encode(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f4e79));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 10, height / 3, width * 8 / 10, height / 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

}
