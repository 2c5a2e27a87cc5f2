package dev.articleexporter.rules;

import dev.articleexporter.model.Picture.ImageData;
import dev.articleexporter.model.Warnings;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Makes an image file's bytes fit to embed: decodes it within the limits of
 * {@link FrameLimits} and downscales one larger than the size limit. Immutable.
 */
final class ImagePreparer {

    private static final float JPEG_QUALITY = 0.85f;

    private final int maxSize;

    /**
     * @param maxSize longest side, in pixels, an image keeps; larger ones are downscaled
     */
    ImagePreparer(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * Checks that the image decodes, and downscales one larger than {@link #maxSize} so
     * the outputs stay small. Decoding is subsampled from the start, so even a huge photo
     * never sits in memory at full size. The frames of an animation are measured from
     * their headers first: an image within the size limit is embedded as it is, and
     * e-readers decode every frame.
     */
    ImageData prepare(byte[] bytes, String type, String name, String where, Warnings warnings) {
        // In memory: the bytes are there already, and ImageIO's default cache would copy
        // them to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                warnings.add(where + "unreadable " + type + "; shown as its alt text");
                return null;
            }
            ImageReader reader = readers.next();
            try {
                // not forward-only: frames are counted before the first is read
                reader.setInput(in, false, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > FrameLimits.MAX_PIXELS) {
                    warnings.add(where + width + "×" + height + " pixels is too large to read; shown as its alt text");
                    return null;
                }
                String tooMuch = switch (type) {
                    case "image/gif" -> FrameLimits.gifFrames(bytes, reader);
                    case "image/png" -> FrameLimits.pngFrames(bytes);
                    // a JPEG file is one picture; readers show nothing after its first
                    default -> null;
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
                }
                catch (IIOException e) {
                    if ("image/jpeg".equals(type) && longest <= maxSize
                            && String.valueOf(e.getMessage()).contains("Unsupported")) {
                        // CMYK and other JPEGs Java cannot decode are fine for PDF and
                        // e-readers as they are.
                        return new ImageData(bytes, name + ".jpg", type, width, height);
                    }
                    throw e;
                }
                if (longest <= maxSize) {
                    return new ImageData(bytes, name + extension(type), type, width, height);
                }
                ImageData smaller = downscale(image, name);
                warnings.add(where + "downscaled from " + width + "×" + height + " to " + smaller.width() + "×"
                        + smaller.height() + " pixels");
                return smaller;
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException e) {
            warnings.add(where + "corrupt " + type + " (" + e.getMessage() + "); shown as its alt text");
            return null;
        }
    }

    private ImageData downscale(BufferedImage image, String name) throws IOException {
        double scale = (double) maxSize / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage scaled = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        }
        finally {
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
        }
        finally {
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

}
