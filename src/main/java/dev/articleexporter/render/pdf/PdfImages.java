package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Picture.ImageData;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;

/**
 * Turns picture bytes into OpenPDF images cheaply.
 *
 * <p>
 * OpenPDF 3 decodes every PNG to raw pixels and deflates them again (about 6 ms for a
 * 640x360 picture, five times the cost of the rest of a typical article). A PDF can
 * instead carry a PNG's compressed {@code IDAT} data as it is, with a PNG predictor in
 * its {@code DecodeParms}; that is done here for the common simple cases (8-bit grey or
 * RGB, not interlaced, no transparency). Everything else (palette, alpha, 16-bit,
 * interlaced PNGs; GIF) goes through {@link Image#getInstance(byte[])}; JPEG is passed
 * through by OpenPDF itself, except a CMYK one without a colour profile, which becomes
 * RGB (PDF/A: see {@link #cmykJpegToRgb}).
 */
final class PdfImages {

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private PdfImages() {
    }

    static Image load(ImageData data) throws IOException {
        Image png = pngPassThrough(data.bytes());
        if (png != null) {
            return png;
        }
        byte[] rgb = cmykJpegToRgb(data.bytes());
        return rgb != null ? Image.getInstance(rgb) : Image.getInstance(data.bytes());
    }

    /**
     * A CMYK (or YCCK) JPEG without an ICC profile as an RGB JPEG, else {@code null}.
     * Passed through, it would be drawn in DeviceCMYK, which a PDF/A file with an sRGB
     * output intent may not use (Java cannot decode it, so the rules pass it on as it
     * is). Naive ink arithmetic: such pictures are rare, and look as a viewer without a
     * colour profile shows them. A JPEG with a profile keeps it (OpenPDF writes it as an
     * ICC-based colour space, which PDF/A allows).
     */
    static byte[] cmykJpegToRgb(byte[] b) throws IOException {
        JpegHeader header = JpegHeader.of(b);
        if (header == null || header.components != 4 || header.icc) {
            return null;
        }
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            reader.setInput(in);
            Raster raster = reader.readRaster(0, null);
            int w = raster.getWidth();
            int h = raster.getHeight();
            BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] px = new int[4];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, px);
                    rgb.setRGB(x, y, header.toRgb(px));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
            if (!ImageIO.write(rgb, "jpeg", out)) {
                return null;
            }
            return out.toByteArray();
        }
        catch (IOException | RuntimeException e) {
            // left as it is: the picture still shows, only the PDF/A claim suffers
            return null;
        }
        finally {
            reader.dispose();
        }
    }

    /**
     * What a JPEG's markers say about its colours: the number of components, the Adobe
     * marker's transform ({@code -1}: none) and whether an ICC profile is embedded.
     */
    record JpegHeader(int components, int adobeTransform, boolean icc) {

        static JpegHeader of(byte[] b) {
            if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
                return null;
            }
            int adobe = -1;
            boolean icc = false;
            int pos = 2;
            while (pos + 4 <= b.length && (b[pos] & 0xff) == 0xff) {
                int marker = b[pos + 1] & 0xff;
                if (marker == 0xff) {
                    pos++; // fill byte
                    continue;
                }
                int len = (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
                int start = pos + 4;
                if (len < 2 || start + len - 2 > b.length) {
                    return null;
                }
                if (marker == 0xee && len >= 14 && ascii(b, start, "Adobe")) {
                    adobe = b[start + 11] & 0xff;
                }
                else if (marker == 0xe2 && ascii(b, start, "ICC_PROFILE")) {
                    icc = true;
                }
                else if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc
                        && len >= 8) {
                    return new JpegHeader(b[start + 5] & 0xff, adobe, icc);
                }
                pos = start + len - 2;
            }
            return null;
        }

        /**
         * One pixel's samples as RGB. An Adobe marker means inverted samples (as
         * Photoshop writes them, and as OpenPDF draws them), transform 2 that the first
         * three are YCC.
         */
        int toRgb(int[] s) {
            int c = s[0];
            int m = s[1];
            int y = s[2];
            if (adobeTransform == 2) {
                // YCC to the stored (inverted) CMY, as JPEG's YCbCr to RGB
                int lum = s[0];
                int cb = s[1] - 128;
                int cr = s[2] - 128;
                c = clamp(Math.round(lum + 1.402f * cr));
                m = clamp(Math.round(lum - 0.344136f * cb - 0.714136f * cr));
                y = clamp(Math.round(lum + 1.772f * cb));
            }
            int k = s[3];
            if (adobeTransform < 0) {
                // plain ink amounts
                c = 255 - c;
                m = 255 - m;
                y = 255 - y;
                k = 255 - k;
            }
            // now 255 - ink for each: multiply the light that passes
            return (c * k / 255) << 16 | (m * k / 255) << 8 | (y * k / 255);
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }

        private static boolean ascii(byte[] b, int at, String text) {
            if (at + text.length() > b.length) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (b[at + i] != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

    }

    /**
     * The PNG as a deflated raw image with a PNG predictor, or {@code null} if it is not
     * a simple case.
     */
    static Image pngPassThrough(byte[] b) {
        if (b.length < 33 || !startsWith(b, PNG_SIGNATURE)) {
            return null;
        }
        int width = 0;
        int height = 0;
        int colours = 0;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(b.length);
        int pos = 8;
        boolean first = true;
        while (pos + 8 <= b.length) {
            long length = int32(b, pos) & 0xffffffffL;
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int start = pos + 8;
            if (length > b.length - start - 4L) {
                return null; // truncated
            }
            int len = (int) length;
            if (first) {
                if (!type.equals("IHDR") || len != 13) {
                    return null;
                }
                width = int32(b, start);
                height = int32(b, start + 4);
                int bitDepth = b[start + 8] & 0xff;
                int colourType = b[start + 9] & 0xff;
                int compression = b[start + 10] & 0xff;
                int filter = b[start + 11] & 0xff;
                int interlace = b[start + 12] & 0xff;
                if (bitDepth != 8 || compression != 0 || filter != 0 || interlace != 0 || width <= 0 || height <= 0) {
                    return null;
                }
                colours = switch (colourType) {
                    case 0 -> 1; // grey
                    case 2 -> 3; // RGB
                    default -> 0; // palette or alpha: let OpenPDF decode it
                };
                if (colours == 0) {
                    return null;
                }
                first = false;
            }
            else if (type.equals("IDAT")) {
                idat.write(b, start, len);
            }
            else if (type.equals("tRNS")) {
                return null; // colour-key transparency needs a mask
            }
            else if (type.equals("IEND")) {
                break;
            }
            pos = start + len + 4; // skip CRC
        }
        if (first || idat.size() == 0) {
            return null;
        }
        try {
            Image image = Image.getInstance(width, height, colours, 8, idat.toByteArray());
            image.setDeflated(true);
            PdfDictionary decodeParms = new PdfDictionary();
            decodeParms.put(PdfName.PREDICTOR, new PdfNumber(15));
            decodeParms.put(PdfName.COLORS, new PdfNumber(colours));
            decodeParms.put(PdfName.BITSPERCOMPONENT, new PdfNumber(8));
            decodeParms.put(PdfName.COLUMNS, new PdfNumber(width));
            PdfDictionary additional = new PdfDictionary();
            additional.put(PdfName.DECODEPARMS, decodeParms);
            image.setAdditional(additional);
            return image;
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

}
