package dev.articleexporter.cover;

import dev.articleexporter.model.Cover;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** Marks a comment segment as ours, followed by the cover's key. */
    private static final String COMMENT = "article-exporter cover ";

    /**
     * The most bytes read before a comment is given up on: ours follows the JFIF header.
     */
    static final int HEAD = 256;

    static Cover.Image encode(BufferedImage image, float quality) {
        return encode(image, quality, null);
    }

    /**
     * @param key written into a comment segment after the JFIF header ({@link #key}), or
     * {@code null}
     */
    static Cover.Image encode(BufferedImage image, float quality, String key) {
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
        byte[] jpeg = bytes.toByteArray();
        return new Cover.Image(key == null ? jpeg : withComment(jpeg, COMMENT + key), image.getWidth(),
                image.getHeight());
    }

    /**
     * The key in the comment {@link #encode} wrote, if the JPEG starts so (only its first
     * {@link #HEAD} bytes are needed), else {@code null}.
     */
    static String key(byte[] jpeg) {
        int at = afterHeader(jpeg);
        if (at < 0 || at + 4 > jpeg.length || (jpeg[at] & 0xFF) != 0xFF || (jpeg[at + 1] & 0xFF) != 0xFE) {
            return null;
        }
        int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
        if (length < 2 || at + 2 + length > jpeg.length) {
            return null;
        }
        String comment = new String(jpeg, at + 4, length - 2, StandardCharsets.US_ASCII);
        return comment.startsWith(COMMENT) ? comment.substring(COMMENT.length()) : null;
    }

    /** A COM segment inserted after the SOI marker and the JFIF APP0 segment. */
    private static byte[] withComment(byte[] jpeg, String comment) {
        int at = afterHeader(jpeg);
        if (at < 0) {
            return jpeg;
        }
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[jpeg.length + 4 + text.length];
        System.arraycopy(jpeg, 0, out, 0, at);
        out[at] = (byte) 0xFF;
        out[at + 1] = (byte) 0xFE;
        out[at + 2] = (byte) ((text.length + 2) >> 8);
        out[at + 3] = (byte) (text.length + 2);
        System.arraycopy(text, 0, out, at + 4, text.length);
        System.arraycopy(jpeg, at, out, at + 4 + text.length, jpeg.length - at);
        return out;
    }

    /** Where the segment after SOI and a JFIF APP0 starts, or -1. */
    private static int afterHeader(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return -1;
        }
        if ((jpeg[2] & 0xFF) != 0xFF || (jpeg[3] & 0xFF) != 0xE0) {
            return 2;
        }
        if (jpeg.length < 6) {
            return -1;
        }
        int length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        return 4 + length <= jpeg.length ? 4 + length : -1;
    }

}
