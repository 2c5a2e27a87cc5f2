package dev.articleexporter.cover;

import dev.articleexporter.model.Cover;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Baseline JPEG encoding with one ImageIO writer per thread: finding and making a writer
 * costs more than a thumbnail's encoding. In memory only (no ImageIO disk cache).
 */
final class Jpeg {

    private static final ThreadLocal<ImageWriter> WRITER = ThreadLocal
        .withInitial(() -> ImageIO.getImageWritersByFormatName("jpeg").next());

    private Jpeg() {
    }

    static Cover.Image encode(BufferedImage image, float quality) {
        ImageWriter writer = WRITER.get();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        // a quarter smaller for flat colour and text, for about the same time
        ((JPEGImageWriteParam) param).setOptimizeHuffmanTables(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException e) {
            // in memory: never
            throw new UncheckedIOException("cannot encode a cover", e);
        }
        finally {
            writer.setOutput(null);
        }
        return new Cover.Image(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }

}
