package dev.articleexporter.cover;

import dev.articleexporter.cover.TypographicCover.Words;
import dev.articleexporter.model.Cover;
import dev.articleexporter.model.Digest;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Story;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Makes the cover of a story or digest: a JPEG of {@link #WIDTH} by {@link #HEIGHT}
 * (Amazon's recommended 1:1.6) and a thumbnail of {@link #THUMBNAIL_WIDTH} by
 * {@link #THUMBNAIL_HEIGHT}, both drawn from the same design (the thumbnail drawn small,
 * not scaled down). A story with a lead picture gets it, filling the cover, with the
 * title on it ({@link PhotoCover}); any other story and a digest get a flat typographic
 * cover ({@link TypographicCover}) in a palette chosen by the site.
 *
 * <p>
 * Thread-safe and stateless: fonts are loaded once per process ({@link CoverFonts}), each
 * thread keeps one JPEG writer ({@link Jpeg}).
 */
public final class CoverMaker {

    static {
        // Covers are drawn off screen; Spring Boot sets this too, plain Java callers
        // (tests, validate without Spring) may not.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * The cover's width in pixels; the height follows (1:1.6). The one size to change.
     */
    public static final int WIDTH = 1600;

    public static final int HEIGHT = WIDTH * 8 / 5;

    public static final int THUMBNAIL_WIDTH = 200;

    public static final int THUMBNAIL_HEIGHT = THUMBNAIL_WIDTH * 8 / 5;

    /** JPEG quality of the cover: flat colour and text stay clean, the file small. */
    static final float QUALITY = 0.7f;

    static final float THUMBNAIL_QUALITY = 0.7f;

    /**
     * Changes whenever a cover made from the same story could look different: part of the
     * render fingerprint, so a new design renders every article once.
     */
    public static final String DESIGN_VERSION = "cover-1:" + WIDTH + "x" + HEIGHT + ":" + QUALITY + ":"
            + THUMBNAIL_WIDTH + ":" + THUMBNAIL_QUALITY;

    private final CoverFonts fonts;

    public CoverMaker() {
        this(CoverFonts.INSTANCE);
    }

    CoverMaker(CoverFonts fonts) {
        this.fonts = fonts;
    }

    /** The story's cover: its lead picture with the title on it, else typographic. */
    public Cover story(Story story) {
        return story(story, null);
    }

    /**
     * What a story's cover is drawn from, as a key: the design, the words on it, the
     * picture's bytes, and {@code settings} (what else decides the outputs, such as the
     * fonts): a story with the same key gets the same cover.
     */
    public static String key(Story story, String settings) {
        Words words = words(story.meta());
        MessageDigest sha = sha256();
        for (String part : new String[] { settings, DESIGN_VERSION, words.title(), words.site(), words.section(),
                words.date(), story.meta().site(), story.meta().section() }) {
            sha.update((part == null ? "\u0000" : part.length() + ":" + part).getBytes(StandardCharsets.UTF_8));
        }
        Picture picture = story.leadPicture();
        if (picture != null && picture.data() != null) {
            sha.update(picture.data().bytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The cover made earlier for the same {@link #key}: both images as written then
     * (their first bytes carry the key they were made for), or {@code null} when either
     * was made for another key or is not ours.
     */
    public static Cover made(byte[] full, byte[] thumbnail, String key) {
        if (!key.equals(Jpeg.key(full)) || !key.equals(Jpeg.key(thumbnail))) {
            return null;
        }
        return new Cover(new Cover.Image(full, WIDTH, HEIGHT),
                new Cover.Image(thumbnail, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT));
    }

    /**
     * The story's cover, its images carrying {@code key} ({@link #key}, or {@code null}
     * for none) so that a later run can tell it may use them again ({@link #made}).
     */
    public Cover story(Story story, String key) {
        Meta meta = story.meta();
        Words words = words(meta);
        BufferedImage picture = picture(story.leadPicture());
        if (picture != null) {
            return new Cover(draw(WIDTH, QUALITY, key, g -> PhotoCover.draw(g, WIDTH, picture, words, fonts)),
                    draw(THUMBNAIL_WIDTH, THUMBNAIL_QUALITY, key,
                            g -> PhotoCover.draw(g, THUMBNAIL_WIDTH, picture, words, fonts)));
        }
        Palette palette = Palette.of(meta.site() != null ? meta.site() : meta.section());
        return new Cover(draw(WIDTH, QUALITY, key, g -> TypographicCover.story(g, WIDTH, words, palette, fonts)),
                draw(THUMBNAIL_WIDTH, THUMBNAIL_QUALITY, key,
                        g -> TypographicCover.story(g, THUMBNAIL_WIDTH, words, palette, fonts)));
    }

    /** The digest's cover: its name, date, extent and sections. */
    public Cover digest(Digest digest) {
        Palette palette = Palette.ALL.getFirst();
        return new Cover(draw(WIDTH, QUALITY, null, g -> TypographicCover.digest(g, WIDTH, digest, palette, fonts)),
                draw(THUMBNAIL_WIDTH, THUMBNAIL_QUALITY, null,
                        g -> TypographicCover.digest(g, THUMBNAIL_WIDTH, digest, palette, fonts)));
    }

    /** The text blocks of a story's full-size cover, as drawn (for tests). */
    List<TextBlock> storyLayout(Story story) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            Words words = words(story.meta());
            return TypographicCover.story(g, WIDTH, words, Palette.of(story.meta().site()), fonts);
        }
        finally {
            g.dispose();
        }
    }

    private static Words words(Meta meta) {
        Locale locale = Locale.forLanguageTag(meta.language());
        return new Words(meta.title(), blankToNull(meta.site()), blankToNull(meta.section()),
                meta.published() == null ? null : meta.published().display(locale));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The picture decoded, or {@code null} when there is none or Java cannot read it (the
     * cover is typographic then).
     */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static BufferedImage picture(Picture picture) {
        if (picture == null || picture.data() == null) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(picture.data().bytes()));
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private interface Design {

        void draw(Graphics2D g);

    }

    /**
     * One canvas per size and thread, drawn over whole each time: a new 12 MB image per
     * cover would cost its zeroing and a humongous allocation in G1. BGR bytes are what
     * the JPEG encoder reads without converting.
     */
    private static final ThreadLocal<BufferedImage[]> CANVASES = ThreadLocal.withInitial(() -> new BufferedImage[2]);

    private static BufferedImage canvas(int width) {
        BufferedImage[] canvases = CANVASES.get();
        int slot = width == WIDTH ? 0 : 1;
        BufferedImage image = canvases[slot];
        if (image == null || image.getWidth() != width) {
            image = new BufferedImage(width, width * HEIGHT / WIDTH, BufferedImage.TYPE_3BYTE_BGR);
            canvases[slot] = image;
        }
        return image;
    }

    private static Cover.Image draw(int width, float quality, String key, Design design) {
        BufferedImage image = canvas(width);
        Graphics2D g = graphics(image);
        try {
            design.draw(g);
        }
        finally {
            g.dispose();
        }
        return Jpeg.encode(image, quality, key);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

}
