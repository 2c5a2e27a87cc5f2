package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Picture.ImageData;
import dev.articleexporter.model.Slide;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pictures: PNG pass-through decodes to the same pixels, other kinds still embed, a CMYK
 * JPEG is drawn in RGB, sizes are capped.
 */
class PdfImagesTest {

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    @Test
    void samplePngsArePassedThroughAndDecodeToTheSamePixels() throws IOException {
        for (String file : List.of("harbour-dawn.png", "river-bridge.png")) {
            byte[] png = Files.readAllBytes(Path.of("input/images", file));
            assertNotNull(PdfImages.pngPassThrough(png), file + " should take the fast path");
            assertSamePixels(png, "image/png");
        }
    }

    @Test
    void pngsWithAlphaPaletteOrGreyAndJpegsStillEmbedCorrectly() throws IOException {
        byte[] rgba = encode(picture(200, 120, BufferedImage.TYPE_INT_ARGB), "png");
        byte[] palette = encode(picture(200, 120, BufferedImage.TYPE_BYTE_INDEXED), "png");
        byte[] grey = encode(picture(200, 120, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertNull(PdfImages.pngPassThrough(rgba), "alpha needs decoding");
        assertNull(PdfImages.pngPassThrough(palette), "palette needs decoding");
        assertNotNull(PdfImages.pngPassThrough(grey), "8-bit grey takes the fast path");
        assertNull(PdfImages.pngPassThrough("not a png at all, just text".getBytes()));
        assertSamePixels(palette, "image/png");
        assertSamePixels(grey, "image/png");
        // RGBA: colour of opaque pixels survives (alpha becomes a soft mask)
        try (PDDocument pdf = Loader.loadPDF(renderWith(rgba, "image/png", 200, 120))) {
            assertEquals(1, images(pdf).size());
        }
        byte[] jpeg = encode(picture(200, 120, BufferedImage.TYPE_INT_RGB), "jpg");
        try (PDDocument pdf = Loader.loadPDF(renderWith(jpeg, "image/jpeg", 200, 120))) {
            List<PDImageXObject> images = images(pdf);
            assertEquals(1, images.size());
            assertEquals("jpg", images.getFirst().getSuffix());
        }
    }

    @Test
    void aCmykJpegWithoutAProfileIsDrawnInRgb() throws IOException {
        // left half cyan ink only, right half half black: no Adobe marker, so plain ink
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setPixel(x, y, x < 32 ? new int[] { 255, 0, 0, 0 } : new int[] { 0, 0, 0, 128 });
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream target = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(target);
            writer.write(new IIOImage(raster, null, null));
        }
        finally {
            writer.dispose();
        }
        PdfImages.JpegHeader header = PdfImages.JpegHeader.of(jpeg.toByteArray());
        assertEquals(4, header.components());
        assertEquals(-1, header.adobeTransform());
        try (PDDocument pdf = Loader.loadPDF(renderWith(jpeg.toByteArray(), "image/jpeg", 64, 32))) {
            PDImageXObject image = images(pdf).getFirst();
            // DeviceCMYK is what PDF/A with an sRGB output intent refuses
            assertEquals("DeviceRGB", image.getColorSpace().getName());
            BufferedImage rgb = image.getImage();
            assertColour(0x00ffff, rgb.getRGB(8, 16));
            assertColour(0x7f7f7f, rgb.getRGB(56, 16));
        }
    }

    private static void assertColour(int want, int got) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertEquals(want >> shift & 0xff, got >> shift & 0xff, 12,
                    "channel at " + shift + ": " + Integer.toHexString(got & 0xffffff));
        }
    }

    @Test
    void unreadableImageBytesFallBackToTheAltText() throws IOException {
        byte[] junk = "\u0089PNG\r\n\u001a\n garbage".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (PDDocument pdf = Loader.loadPDF(renderWith(junk, "image/png", 10, 10))) {
            assertTrue(images(pdf).isEmpty());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("[Image: A test picture]"), text);
        }
    }

    @Test
    void tallAndWidePicturesFitTheTextWidthAndAtMost45PercentOfThePage() throws IOException {
        byte[] tall = encode(picture(300, 1200, BufferedImage.TYPE_INT_RGB), "png");
        byte[] wide = encode(picture(3000, 600, BufferedImage.TYPE_INT_RGB), "png");
        for (String size : List.of("A4", "letter")) {
            PdfRenderer renderer = new PdfRenderer(size);
            List<float[]> placed = placements(renderWith(renderer, List.of(tall, wide)));
            assertEquals(2, placed.size());
            float pageHeight = size.equals("A4") ? 842f : 792f;
            float textWidth = (size.equals("A4") ? 595.28f : 612f) - 2 * 62f;
            float[] t = placed.get(0);
            assertEquals(0.45f * pageHeight, t[1], 1f, "tall picture height on " + size);
            assertEquals(300f / 1200f, t[0] / t[1], 0.01f, "aspect kept");
            float[] w = placed.get(1);
            assertEquals(textWidth, w[0], 1f, "wide picture width on " + size);
            assertEquals(5f, w[0] / w[1], 0.02f, "aspect kept");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertSamePixels(byte[] bytes, String mediaType) throws IOException {
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(bytes));
        try (PDDocument pdf = Loader.loadPDF(renderWith(bytes, mediaType, expected.getWidth(), expected.getHeight()))) {
            List<PDImageXObject> images = images(pdf);
            assertEquals(1, images.size());
            BufferedImage actual = images.getFirst().getImage();
            assertEquals(expected.getWidth(), actual.getWidth());
            assertEquals(expected.getHeight(), actual.getHeight());
            for (int y = 0; y < expected.getHeight(); y += 7) {
                for (int x = 0; x < expected.getWidth(); x += 5) {
                    // grey: compare raw samples (Java's getRGB gamma-converts a linear
                    // grey image)
                    int want = expected.getType() == BufferedImage.TYPE_BYTE_GRAY
                            ? expected.getRaster().getSample(x, y, 0) * 0x010101 : expected.getRGB(x, y) & 0xffffff;
                    assertEquals(want, actual.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
                }
            }
        }
    }

    private static byte[] renderWith(byte[] image, String mediaType, int width, int height) throws IOException {
        Slide s = new Slide(1, "Picture",
                new Picture("A test picture", new ImageData(image, "slide-01", mediaType, width, height)), null,
                List.of("Text."));
        return render(new PdfRenderer(), List.of(s));
    }

    private static byte[] renderWith(PdfRenderer renderer, List<byte[]> pngs) throws IOException {
        List<Slide> sections = new ArrayList<>();
        for (int i = 0; i < pngs.size(); i++) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngs.get(i)));
            sections.add(
                    new Slide(
                            i + 1, "Picture " + (i + 1), new Picture("p", new ImageData(pngs.get(i),
                                    "slide-" + i + ".png", "image/png", img.getWidth(), img.getHeight())),
                            null, List.of("Text.")));
        }
        return render(renderer, sections);
    }

    private static byte[] render(PdfRenderer renderer, List<Slide> sections) throws IOException {
        Meta meta = new Meta("Pictures", null, null, null, null, null, "en", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(new Story("pictures", meta, List.of(), sections, List.<CreditLine>of(), null), out);
        return JUDGED.add("pictures", out.toByteArray());
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage img = new BufferedImage(width, height, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(240, 200, 40));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private static List<PDImageXObject> images(PDDocument pdf) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        java.util.Set<COSBase> seen = new java.util.HashSet<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                PDXObject x = page.getResources().getXObject(name);
                if (x instanceof PDImageXObject image && seen.add(image.getCOSObject())) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    /** Width and height at which each image is drawn, in page order. */
    private static List<float[]> placements(byte[] pdfBytes) throws IOException {
        List<float[]> placed = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            PDFStreamEngine engine = new PDFStreamEngine() {
                {
                    addOperator(new Concatenate(this));
                    addOperator(new Save(this));
                    addOperator(new Restore(this));
                    addOperator(new SetMatrix(this));
                }

                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (OperatorName.DRAW_OBJECT.equals(operator.getName())
                            && getResources().getXObject((COSName) operands.getFirst()) instanceof PDImageXObject) {
                        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                        placed.add(new float[] { ctm.getScalingFactorX(), ctm.getScalingFactorY() });
                    }
                    super.processOperator(operator, operands);
                }
            };
            for (PDPage page : pdf.getPages()) {
                engine.processPage(page);
            }
        }
        return placed;
    }

}
