package dev.articleexporter.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;

/**
 * The limits on an image's pixels and frames, and how an animation's frames are measured
 * from their headers (GIF image descriptors, APNG fcTL chunks) without decoding them.
 */
final class FrameLimits {

    /**
     * Larger than this many pixels, an image is not decoded at all (a decompression bomb,
     * or a poster scan); for an animation, this bounds each frame and all its frames
     * together.
     */
    static final long MAX_PIXELS = 100_000_000L;

    /**
     * More frames than this, an animation is not embedded: no slideshow photo needs them.
     */
    static final int MAX_FRAMES = 1_000;

    private FrameLimits() {
    }

    /**
     * Why a GIF's canvas or frames are too much, or {@code null}: every frame's size is
     * read from its image descriptor, without decoding pixels, and at most
     * {@link #MAX_FRAMES} + 1 frames are looked at.
     */
    static String gifFrames(byte[] bytes, ImageReader reader) throws IOException {
        if (bytes.length < 13) {
            throw new IIOException("the GIF header is cut off");
        }
        // Logical Screen Descriptor: the canvas every frame is drawn on, little-endian
        // 16-bit width and height.
        long canvasWidth = (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
        long canvasHeight = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (canvasWidth * canvasHeight > MAX_PIXELS) {
            return "its canvas is " + canvasWidth + "×" + canvasHeight + " pixels ("
                    + millions(canvasWidth * canvasHeight) + "), more than the " + millions(MAX_PIXELS)
                    + " an image may have";
        }
        Frames frames = new Frames();
        for (int i = 0; frames.problem() == null; i++) {
            int width;
            int height;
            try {
                width = reader.getWidth(i);
                height = reader.getHeight(i);
            }
            catch (IndexOutOfBoundsException noMoreFrames) {
                break;
            }
            frames.add(width, height);
        }
        return frames.end();
    }

    /**
     * Why an animated PNG's frames are too much, or {@code null}. ImageIO sees only an
     * APNG's default image, so the frame sizes come from its fcTL chunks; a PNG without
     * an acTL chunk before its image data is a still image, whose size was checked
     * already.
     */
    static String pngFrames(byte[] b) {
        Frames frames = new Frames();
        boolean animated = false;
        boolean imageData = false;
        boolean defaultImageIsAFrame = false;
        for (int pos = 8; pos + 12 <= b.length && frames.problem() == null;) {
            long length = uint32(b, pos);
            if (length > b.length - pos - 12L) {
                break; // cut off: decoders stop here too
            }
            int data = pos + 8;
            String chunk = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (chunk.equals("IEND")) {
                break;
            }
            switch (chunk) {
                // only before the image data: after it, the first IDAT has returned
                case "acTL" -> animated = true;
                case "fcTL" -> {
                    if (animated && length >= 26) {
                        defaultImageIsAFrame |= !imageData;
                        frames.add(uint32(b, data + 4), uint32(b, data + 8));
                    }
                }
                case "IDAT" -> {
                    if (!animated) {
                        return null;
                    }
                    if (!imageData && !defaultImageIsAFrame) {
                        // a default image outside the animation is decoded too
                        frames.add(uint32(b, 16), uint32(b, 20));
                    }
                    imageData = true;
                }
                default -> {
                }
            }
            pos = data + (int) length + 4;
        }
        return animated ? frames.end() : null;
    }

    private static long uint32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
    }

    /**
     * Counts frames and their pixels; {@link #problem()} says, once a limit is broken,
     * which one.
     */
    private static final class Frames {

        private int count;

        private long total;

        private long firstWidth = -1;

        private long firstHeight = -1;

        private boolean sameSize = true;

        private String problem;

        void add(long width, long height) {
            if (problem != null) {
                return;
            }
            count++;
            if (count > MAX_FRAMES) {
                problem = "more than " + MAX_FRAMES + " frames (an image may have at most " + MAX_FRAMES + ")";
                return;
            }
            // Each side is at most 2^32 - 1: compared one by one first, their product
            // cannot overflow.
            if (width > MAX_PIXELS || height > MAX_PIXELS || width * height > MAX_PIXELS) {
                problem = "frame " + count + " is " + width + "×" + height + " pixels ("
                        + millions(BigDecimal.valueOf(width).multiply(BigDecimal.valueOf(height))) + "), more than the "
                        + millions(MAX_PIXELS) + " an image may have";
                return;
            }
            if (firstWidth < 0) {
                firstWidth = width;
                firstHeight = height;
            }
            sameSize &= width == firstWidth && height == firstHeight;
            total += width * height; // at most MAX_FRAMES × MAX_PIXELS: no overflow
        }

        String problem() {
            return problem;
        }

        /** The problem with all the frames seen, or {@code null}. */
        String end() {
            if (problem == null && total > MAX_PIXELS) {
                problem = count + " frames "
                        + (sameSize ? "of " + firstWidth + "×" + firstHeight + " pixels" : "of different sizes") + ", "
                        + millions(total) + " pixels in all, more than the " + millions(MAX_PIXELS)
                        + " an image may have";
            }
            return problem;
        }

    }

    /**
     * "768 million", "102.4 million": rounded up, so a count just over a limit never
     * reads as the limit.
     */
    static String millions(long pixels) {
        return millions(BigDecimal.valueOf(pixels));
    }

    private static String millions(BigDecimal pixels) {
        return pixels.movePointLeft(6).setScale(1, RoundingMode.CEILING).stripTrailingZeros().toPlainString()
                + " million";
    }

}
