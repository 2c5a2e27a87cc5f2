package dev.articleexporter.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.article.Article.Image;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images that cannot be shown as they are: each is a warning, and the slide still exports. */
class ImageLoaderTest {

    @TempDir
    Path folder;

    private final ImageLoader loader = new ImageLoader(1600);

    private Picture load(String src, Warnings warnings) {
        return loader.load(new Image(src, "Alt text"), folder, 3, warnings);
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void aSmallImageIsKeptByteForByte() throws IOException {
        byte[] png = image(320, 200, "png");
        Files.write(folder.resolve("small.png"), png);
        Warnings warnings = new Warnings();
        Picture picture = load("small.png", warnings);
        assertThat(warnings.list()).isEmpty();
        assertThat(picture.data().bytes()).isEqualTo(png);
        assertThat(picture.data().name()).isEqualTo("slide-03.png");
        assertThat(picture.data().width()).isEqualTo(320);
    }

    @Test
    void aVeryLargeImageIsDownscaledWithAWarning() throws IOException {
        Files.write(folder.resolve("big.jpg"), image(4000, 3000, "jpg"));
        Warnings warnings = new Warnings();
        Picture picture = load("big.jpg", warnings);
        assertThat(picture.data().width()).isEqualTo(1600);
        assertThat(picture.data().height()).isEqualTo(1200);
        assertThat(picture.data().mediaType()).isEqualTo("image/jpeg");
        assertThat(picture.data().bytes().length).isLessThan(Files.readAllBytes(folder.resolve("big.jpg")).length);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(picture.data().bytes()));
        assertThat(decoded.getWidth()).isEqualTo(1600);
        assertThat(warnings.list()).containsExactly("slide 3: image big.jpg: downscaled from 4000×3000 to 1600×1200 pixels");
    }

    @Test
    void aCorruptImageIsShownAsItsAltText() throws IOException {
        byte[] png = image(320, 200, "png");
        byte[] broken = Arrays.copyOf(png, png.length / 2); // header intact, pixel data cut off
        Files.write(folder.resolve("cut.png"), broken);
        Warnings warnings = new Warnings();
        Picture picture = load("cut.png", warnings);
        assertThat(picture.embeddable()).isFalse();
        assertThat(picture.alt()).isEqualTo("Alt text");
        assertThat(warnings.list()).singleElement().asString().startsWith("slide 3: image cut.png: corrupt image/png");
    }

    @Test
    void anImageClaimingBillionsOfPixelsIsNotDecoded() throws IOException {
        byte[] png = image(16, 16, "png");
        // IHDR starts at byte 8: length(4) "IHDR"(4) width(4) height(4) ... CRC over type+data.
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 60_000);
        header.putInt(20, 60_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        Files.write(folder.resolve("bomb.png"), png);
        Warnings warnings = new Warnings();
        assertThat(load("bomb.png", warnings).embeddable()).isFalse();
        assertThat(warnings.list()).containsExactly("slide 3: image bomb.png: 60000×60000 pixels is too large to read; shown as its alt text");
    }

    @Test
    void pathsLeavingTheInputFolderAreRefusedWithoutReading() throws IOException {
        Path outside = Files.write(folder.getParent().resolve("outside-" + System.nanoTime() + ".png"), image(8, 8, "png"));
        try {
            Path link = folder.resolve("link.png");
            Files.createSymbolicLink(link, outside);
            for (String src : new String[] {"../" + outside.getFileName(), outside.toString(), "link.png"}) {
                Warnings warnings = new Warnings();
                assertThat(load(src, warnings).embeddable()).as(src).isFalse();
                assertThat(warnings.list()).singleElement().asString().endsWith("refused: the path leads outside the input folder");
            }
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
