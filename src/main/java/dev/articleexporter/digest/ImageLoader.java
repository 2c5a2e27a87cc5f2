package dev.articleexporter.digest;

import dev.articleexporter.article.Article.Image;
import dev.articleexporter.digest.Picture.ImageData;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads a slide's local image once, for every format. Remote images are never downloaded; an
 * image that cannot be embedded keeps its alt text and credit, with a warning saying why.
 */
@Component
public class ImageLoader {

    /** Larger than this many pixels, an image is not decoded at all (a decompression bomb, or a poster scan). */
    static final long MAX_PIXELS = 100_000_000L;
    /** Larger image files are not read: a slideshow photo is a few MB at most. */
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
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

    private ImageData readLocal(String src, Path folder, int slide, Warnings warnings) {
        String where = "slide " + slide + ": image " + src + ": ";
        Path file;
        try {
            file = folder.resolve(src).normalize();
        } catch (InvalidPathException e) {
            warnings.add(where + "not a valid file path");
            return null;
        }
        if (!file.startsWith(folder.normalize())) {
            warnings.add(where + "refused: the path leads outside the input folder");
            return null;
        }
        byte[] bytes;
        try {
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                warnings.add(where + "refused: the path leads outside the input folder");
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                warnings.add(where + "the file is " + size / (1024 * 1024) + " MB, more than an image may have ("
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB); shown as its alt text");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            warnings.add(where + "not found");
            return null;
        } catch (IOException e) {
            warnings.add(where + "cannot be read (" + e.getMessage() + ")");
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

    /**
     * Checks that the image decodes, and downscales one larger than {@link #maxSize} so the
     * outputs stay small. Decoding is subsampled from the start, so even a huge photo never sits
     * in memory at full size.
     */
    private ImageData prepare(byte[] bytes, String type, String name, String where, Warnings warnings) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                warnings.add(where + "unreadable " + type + "; shown as its alt text");
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    warnings.add(where + width + "×" + height + " pixels is too large to read; shown as its alt text");
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
