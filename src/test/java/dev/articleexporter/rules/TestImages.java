package dev.articleexporter.rules;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated images built byte by byte for the loader's limits: frames are encoded once
 * with ImageIO and then repeated, or their declared sizes patched, so a test file of a
 * few kilobytes can claim hundreds of millions of pixels without anything decoding them.
 */
final class TestImages {

    private TestImages() {
    }

    /** One frame filled with one colour: compresses to almost nothing in GIF and PNG. */
    static BufferedImage plain(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** An animated GIF written with ImageIO's GIF writer, one frame per image. */
    static byte[] gif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * A GIF's layout: where the blocks after the global colour table start, and where
     * each frame's image descriptor is.
     */
    private record GifLayout(int firstBlock, List<Integer> frameStarts, List<Integer> descriptors, int trailer) {
    }

    private static GifLayout layout(byte[] gif) {
        int pos = 13;
        int packed = gif[10] & 0xff;
        if ((packed & 0x80) != 0) {
            pos += 3 * (1 << ((packed & 7) + 1));
        }
        int firstBlock = pos;
        List<Integer> frameStarts = new ArrayList<>();
        List<Integer> descriptors = new ArrayList<>();
        int frameStart = pos;
        while (true) {
            int type = gif[pos] & 0xff;
            if (type == 0x3B) {
                return new GifLayout(firstBlock, frameStarts, descriptors, pos);
            }
            if (type == 0x21) {
                pos = skipSubBlocks(gif, pos + 2);
            }
            else if (type == 0x2C) {
                frameStarts.add(frameStart);
                descriptors.add(pos);
                int imagePacked = gif[pos + 9] & 0xff;
                pos += 10;
                if ((imagePacked & 0x80) != 0) {
                    pos += 3 * (1 << ((imagePacked & 7) + 1));
                }
                pos = skipSubBlocks(gif, pos + 1); // LZW minimum code size, then the data
                frameStart = pos;
            }
            else {
                throw new IllegalArgumentException(
                        "unexpected GIF block 0x" + Integer.toHexString(type) + " at " + pos);
            }
        }
    }

    private static int skipSubBlocks(byte[] gif, int pos) {
        while (gif[pos] != 0) {
            pos += (gif[pos] & 0xff) + 1;
        }
        return pos + 1;
    }

    /**
     * The GIF with its last frame (with the extensions before it) repeated until it has
     * {@code count} frames. Application extensions before the first frame (the loop
     * count) stay where they are.
     */
    static byte[] repeatLastFrame(byte[] gif, int count) {
        GifLayout layout = layout(gif);
        int frames = layout.frameStarts().size();
        int lastStart = layout.frameStarts().get(frames - 1);
        byte[] frame = Arrays.copyOfRange(gif, lastStart, layout.trailer());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, layout.trailer());
        for (int i = frames; i < count; i++) {
            out.write(frame, 0, frame.length);
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    /**
     * The GIF with frame {@code index} (0-based) declaring another size in its image
     * descriptor; its pixels stay as they were.
     */
    static byte[] declareFrameSize(byte[] gif, int index, int width, int height) {
        byte[] patched = gif.clone();
        int descriptor = layout(gif).descriptors().get(index);
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(descriptor + 5, (short) width);
        buffer.putShort(descriptor + 7, (short) height);
        return patched;
    }

    /**
     * The GIF with another logical screen (canvas) size; its frames stay as they were.
     */
    static byte[] declareCanvasSize(byte[] gif, int width, int height) {
        byte[] patched = gif.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(6, (short) width);
        buffer.putShort(8, (short) height);
        return patched;
    }

    /**
     * An animated PNG (APNG) of {@code frames} frames, each the given image: the default
     * image is the first frame, the others repeat its compressed data in fdAT chunks.
     * ImageIO's PNG reader sees only the default image.
     */
    static byte[] apng(BufferedImage image, int frames) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "png", encoded);
        byte[] png = encoded.toByteArray();
        byte[] ihdr = null;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        for (int pos = 8; pos < png.length;) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IHDR")) {
                ihdr = Arrays.copyOfRange(png, pos + 8, pos + 8 + length);
            }
            else if (type.equals("IDAT")) {
                idat.write(png, pos + 8, length);
            }
            pos += 12 + length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8);
        chunk(out, "IHDR", ihdr);
        chunk(out, "acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array());
        int sequence = 0;
        chunk(out, "fcTL", frameControl(sequence++, image.getWidth(), image.getHeight()));
        chunk(out, "IDAT", idat.toByteArray());
        for (int i = 1; i < frames; i++) {
            chunk(out, "fcTL", frameControl(sequence++, image.getWidth(), image.getHeight()));
            byte[] data = idat.toByteArray();
            chunk(out, "fdAT", ByteBuffer.allocate(4 + data.length).putInt(sequence++).put(data).array());
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] frameControl(int sequence, int width, int height) {
        return ByteBuffer.allocate(26)
            .putInt(sequence)
            .putInt(width)
            .putInt(height)
            .putInt(0)
            .putInt(0)
            .putShort((short) 1)
            .putShort((short) 10)
            .put((byte) 0)
            .put((byte) 0)
            .array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array(), 0, 4);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
    }

}
