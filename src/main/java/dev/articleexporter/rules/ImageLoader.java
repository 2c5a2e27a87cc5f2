package dev.articleexporter.rules;

import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Warnings;

import dev.articleexporter.input.Article.Image;
import dev.articleexporter.input.InputFiles;
import dev.articleexporter.input.InputFiles.Verdict;
import dev.articleexporter.model.Picture.ImageData;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads a slide's local image once, for every format. Remote images are never downloaded; an
 * image that cannot be embedded keeps its alt text and credit, with a warning saying why.
 */
@Component
public class ImageLoader {

    /**
     * Larger than this many pixels, an image is not decoded at all (a decompression bomb, or a poster
     * scan); for an animation, this bounds each frame and all its frames together.
     */
    static final long MAX_PIXELS = 100_000_000L;
    /** Larger image files are not read: a slideshow photo is a few MB at most. */
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** More frames than this, an animation is not embedded: no slideshow photo needs them. */
    static final int MAX_FRAMES = 1_000;
    private static final float JPEG_QUALITY = 0.85f;

    private final int maxSize;

    /** @param maxSize longest side, in pixels, an image keeps; larger ones are downscaled */
    public ImageLoader(@Value("${exporter.images.max-size:1600}") int maxSize) {
        if (maxSize < 16) {
            throw new IllegalArgumentException("the image size limit must be at least 16 pixels, not " + maxSize);
        }
        this.maxSize = maxSize;
    }

    public Picture load(Image image, Path folder, int slide, Warnings warnings) {
        if (image == null) {
            return null;
        }
        String alt = image.alt() == null ? "" : image.alt().strip();
        String src = image.src() == null ? "" : image.src().strip();
        if (src.isEmpty()) {
            return alt.isEmpty() ? null : new Picture(alt, null);
        }
        if (src.regionMatches(true, 0, "http://", 0, 7) || src.regionMatches(true, 0, "https://", 0, 8)) {
            return new Picture(alt, null); // documented: remote images are not fetched
        }
        ImageData data = readLocal(src, folder, slide, warnings);
        return new Picture(alt, data);
    }

    /**
     * Reads an image only when {@link InputFiles} says it may be opened: after its links are
     * resolved, a regular file inside the folder. A named pipe, socket, device or folder is never
     * opened (a pipe would block the run for good).
     */
    private ImageData readLocal(String src, Path folder, int slide, Warnings warnings) {
        String where = "slide " + slide + ": image " + src + ": ";
        Verdict file = InputFiles.check(folder, src);
        switch (file.kind()) {
            case REGULAR -> {
            }
            case OUTSIDE -> {
                warnings.add(where + "refused: " + file.reason());
                return null;
            }
            case FOLDER, SPECIAL -> {
                warnings.add(where + file.reason() + "; shown as its alt text");
                return null;
            }
            default -> { // missing, or not a valid path, or its attributes cannot be read
                warnings.add(where + file.reason());
                return null;
            }
        }
        if (file.size() > MAX_FILE_BYTES) {
            warnings.add(where + tooBig(file.size()));
            return null;
        }
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            warnings.add(where + InputFiles.NOT_FOUND); // removed since it was checked
            return null;
        } catch (IOException e) {
            warnings.add(where + "cannot be read (" + e.getMessage() + ")");
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) { // it grew after it was checked
            warnings.add(where + tooBig(bytes.length));
            return null;
        }
        String type = mediaType(bytes);
        if (type == null) {
            warnings.add(where + "not a PNG, JPEG or GIF image; shown as its alt text");
            return null;
        }
        String name = String.format(Locale.ROOT, "slide-%02d", slide);
        return prepare(bytes, type, name, where, warnings);
    }

    private static String tooBig(long size) {
        return "the file is " + size / (1024 * 1024) + " MB, more than an image may have (" + MAX_FILE_BYTES / (1024 * 1024)
                + " MB); shown as its alt text";
    }

    /**
     * Checks that the image decodes, and downscales one larger than {@link #maxSize} so the
     * outputs stay small. Decoding is subsampled from the start, so even a huge photo never sits
     * in memory at full size. The frames of an animation are measured from their headers first:
     * an image within the size limit is embedded as it is, and e-readers decode every frame.
     */
    private ImageData prepare(byte[] bytes, String type, String name, String where, Warnings warnings) {
        // In memory: the bytes are there already, and ImageIO's default cache would copy them to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                warnings.add(where + "unreadable " + type + "; shown as its alt text");
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true); // not forward-only: frames are counted before the first is read
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    warnings.add(where + width + "×" + height + " pixels is too large to read; shown as its alt text");
                    return null;
                }
                String tooMuch = switch (type) {
                    case "image/gif" -> gifFrames(bytes, reader);
                    case "image/png" -> pngFrames(bytes);
                    default -> null; // a JPEG file is one picture; readers show nothing after its first
                };
                if (tooMuch != null) {
                    warnings.add(where + tooMuch + "; shown as its alt text");
                    return null;
                }
                int longest = Math.max(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = longest > maxSize ? Math.max(1, longest / maxSize) : 1;
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image;
                try {
                    image = reader.read(0, param);
                } catch (IIOException e) {
                    if ("image/jpeg".equals(type) && longest <= maxSize && String.valueOf(e.getMessage()).contains("Unsupported")) {
                        // CMYK and other JPEGs Java cannot decode are fine for PDF and e-readers as they are.
                        return new ImageData(bytes, name + ".jpg", type, width, height);
                    }
                    throw e;
                }
                if (longest <= maxSize) {
                    return new ImageData(bytes, name + extension(type), type, width, height);
                }
                ImageData smaller = downscale(image, name);
                warnings.add(where + "downscaled from " + width + "×" + height + " to " + smaller.width() + "×" + smaller.height()
                        + " pixels");
                return smaller;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            warnings.add(where + "corrupt " + type + " (" + e.getMessage() + "); shown as its alt text");
            return null;
        }
    }

    /**
     * Why a GIF's canvas or frames are too much, or {@code null}: every frame's size is read from its
     * image descriptor, without decoding pixels, and at most {@link #MAX_FRAMES} + 1 frames are looked at.
     */
    private static String gifFrames(byte[] bytes, ImageReader reader) throws IOException {
        if (bytes.length < 13) {
            throw new IIOException("the GIF header is cut off");
        }
        // Logical Screen Descriptor: the canvas every frame is drawn on, little-endian 16-bit width and height.
        long canvasWidth = (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
        long canvasHeight = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (canvasWidth * canvasHeight > MAX_PIXELS) {
            return "its canvas is " + canvasWidth + "×" + canvasHeight + " pixels (" + millions(canvasWidth * canvasHeight)
                    + "), more than the " + millions(MAX_PIXELS) + " an image may have";
        }
        Frames frames = new Frames();
        for (int i = 0; frames.problem() == null; i++) {
            int width;
            int height;
            try {
                width = reader.getWidth(i);
                height = reader.getHeight(i);
            } catch (IndexOutOfBoundsException noMoreFrames) {
                break;
            }
            frames.add(width, height);
        }
        return frames.end();
    }

    /**
     * Why an animated PNG's frames are too much, or {@code null}. ImageIO sees only an APNG's default
     * image, so the frame sizes come from its fcTL chunks; a PNG without an acTL chunk before its
     * image data is a still image, whose size was checked already.
     */
    private static String pngFrames(byte[] b) {
        Frames frames = new Frames();
        boolean animated = false;
        boolean imageData = false;
        boolean defaultImageIsAFrame = false;
        for (int pos = 8; pos + 12 <= b.length && frames.problem() == null; ) {
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
                case "acTL" -> animated = true; // only before the image data: after it, the first IDAT has returned
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
                        frames.add(uint32(b, 16), uint32(b, 20)); // a default image outside the animation is decoded too
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

    /** Counts frames and their pixels; {@link #problem()} says, once a limit is broken, which one. */
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
            // Each side is at most 2^32 - 1: compared one by one first, their product cannot overflow.
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
                problem = count + " frames " + (sameSize ? "of " + firstWidth + "×" + firstHeight + " pixels" : "of different sizes")
                        + ", " + millions(total) + " pixels in all, more than the " + millions(MAX_PIXELS) + " an image may have";
            }
            return problem;
        }
    }

    /** "768 million", "102.4 million": rounded up, so a count just over a limit never reads as the limit. */
    static String millions(long pixels) {
        return millions(BigDecimal.valueOf(pixels));
    }

    private static String millions(BigDecimal pixels) {
        return pixels.movePointLeft(6).setScale(1, RoundingMode.CEILING).stripTrailingZeros().toPlainString() + " million";
    }

    private ImageData downscale(BufferedImage image, String name) throws IOException {
        double scale = (double) maxSize / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage scaled = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (alpha) {
            ImageIO.write(scaled, "png", out);
            return new ImageData(out.toByteArray(), name + ".png", "image/png", width, height);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream target = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(target);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(scaled, null, null), quality);
        } finally {
            writer.dispose();
        }
        return new ImageData(out.toByteArray(), name + ".jpg", "image/jpeg", width, height);
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            default -> ".jpg";
        };
    }

    /** The media type from the file's first bytes; extensions lie. */
    static String mediaType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        return null;
    }
}
