package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Picture.ImageData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * through by OpenPDF itself.
 */
final class PdfImages {

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private PdfImages() {
    }

    static Image load(ImageData data) throws IOException {
        Image png = pngPassThrough(data.bytes());
        return png != null ? png : Image.getInstance(data.bytes());
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
