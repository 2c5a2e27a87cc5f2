package dev.articleexporter.rules;

import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.articleexporter.input.Article.Image;
import dev.articleexporter.testing.SpecialFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images that cannot be shown as they are: each is a warning, and the slide still
 * exports.
 */
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
        assertThat(warnings.list())
            .containsExactly("slide 3: image big.jpg: downscaled from 4000×3000 to 1600×1200 pixels");
    }

    @Test
    void aCorruptImageIsShownAsItsAltText() throws IOException {
        byte[] png = image(320, 200, "png");
        // header intact, pixel data cut off
        byte[] broken = Arrays.copyOf(png, png.length / 2);
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
        // IHDR starts at byte 8: length(4) "IHDR"(4) width(4) height(4) ... CRC over
        // type+data.
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 60_000);
        header.putInt(20, 60_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        Files.write(folder.resolve("bomb.png"), png);
        Warnings warnings = new Warnings();
        assertThat(load("bomb.png", warnings).embeddable()).isFalse();
        assertThat(warnings.list())
            .containsExactly("slide 3: image bomb.png: 60000×60000 pixels is too large to read; shown as its alt text");
    }

    @Test
    void pathsLeavingTheInputFolderAreRefusedWithoutReading() throws IOException {
        Path outside = Files.write(folder.getParent().resolve("outside-" + System.nanoTime() + ".png"),
                image(8, 8, "png"));
        try {
            Path link = folder.resolve("link.png");
            Files.createSymbolicLink(link, outside);
            for (String src : new String[] { "../" + outside.getFileName(), outside.toString(), "link.png" }) {
                Warnings warnings = new Warnings();
                assertThat(load(src, warnings).embeddable()).as(src).isFalse();
                assertThat(warnings.list()).singleElement()
                    .asString()
                    .endsWith(src.equals("link.png") ? "refused: a symbolic link to a file outside the input folder"
                            : "refused: the path leads outside the input folder");
            }
        }
        finally {
            Files.deleteIfExists(outside);
        }
    }

    private Picture load(String src, int slide, Warnings warnings) {
        return loader.load(new Image(src, "Alt text"), folder, slide, warnings);
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        SpecialFiles.mkfifo(path);
    }

    /**
     * Opens the pipe for reading and writing and closes it again: a reader stuck in
     * open() gets end of file.
     */
    private static void release(Path pipe) throws IOException, InterruptedException {
        new ProcessBuilder("sh", "-c", "exec 3<>\"$1\"", "sh", pipe.toString()).start().waitFor(20, TimeUnit.SECONDS);
    }

    @Test
    void aNamedPipeIsNeverOpened() throws Exception {
        Path pipe = folder.resolve("pipe.png");
        mkfifo(pipe);
        Files.createSymbolicLink(folder.resolve("via-link.png"), Path.of("pipe.png"));
        try {
            for (String src : new String[] { "pipe.png", "via-link.png" }) {
                Warnings warnings = new Warnings();
                // A hang guard, not a speed check: reading a pipe blocks until someone
                // writes to it.
                Picture picture = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load(src, 2, warnings));
                assertThat(picture.embeddable()).isFalse();
                assertThat(picture.alt()).isEqualTo("Alt text");
                assertThat(warnings.list()).containsExactly(
                        "slide 2: image " + src + ": not a regular file (a named pipe); shown as its alt text");
            }
        }
        finally {
            release(pipe);
        }
    }

    @Test
    void foldersAndSocketsAreNotRead() throws IOException {
        Files.createDirectory(folder.resolve("dir.png"));
        Warnings warnings = new Warnings();
        assertThat(load("dir.png", 2, warnings).embeddable()).isFalse();
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(folder.resolve("sock.png")));
            assertThat(load("sock.png", 2, warnings).embeddable()).isFalse();
        }
        assertThat(warnings.list()).containsExactly(
                "slide 2: image dir.png: not a regular file (a folder); shown as its alt text",
                "slide 2: image sock.png: not a regular file (a socket); shown as its alt text");
    }

    @Test
    void aLinkToAnImageInsideTheFolderStillLoads() throws IOException {
        byte[] png = image(32, 20, "png");
        Files.createDirectory(folder.resolve("photos"));
        Files.write(folder.resolve("photos/real.png"), png);
        Files.createSymbolicLink(folder.resolve("alias.png"), Path.of("photos/real.png"));
        Files.createSymbolicLink(folder.resolve("pics"), Path.of("photos"));
        for (String src : new String[] { "alias.png", "pics/real.png" }) {
            Warnings warnings = new Warnings();
            Picture picture = load(src, warnings);
            assertThat(warnings.list()).as(src).isEmpty();
            assertThat(picture.data().bytes()).isEqualTo(png);
        }
    }

    @Test
    void aSmallAnimationIsKeptByteForByte() throws IOException {
        byte[] gif = TestImages.gif(TestImages.plain(40, 30, Color.RED), TestImages.plain(40, 30, Color.BLUE),
                TestImages.plain(40, 30, Color.GREEN));
        byte[] apng = TestImages.apng(TestImages.plain(40, 30, Color.RED), 3);
        Files.write(folder.resolve("anim.gif"), gif);
        Files.write(folder.resolve("anim.png"), apng);
        Warnings warnings = new Warnings();
        assertThat(load("anim.gif", warnings).data().bytes()).isEqualTo(gif);
        assertThat(load("anim.png", warnings).data().bytes()).isEqualTo(apng);
        assertThat(warnings.list()).isEmpty();
    }

    @Test
    void aHugeLaterFrameIsRefusedThoughTheFirstIsSmall() throws IOException {
        byte[] small = TestImages.gif(TestImages.plain(16, 16, Color.RED), TestImages.plain(16, 16, Color.BLUE));
        byte[] huge = TestImages.declareFrameSize(small, 1, 20000, 20000);
        Files.write(folder.resolve("anim.gif"), huge);
        Warnings warnings = new Warnings();
        Picture picture = load("anim.gif", warnings);
        assertThat(picture.embeddable()).isFalse();
        assertThat(picture.alt()).isEqualTo("Alt text");
        assertThat(warnings.list())
            .containsExactly("slide 3: image anim.gif: frame 2 is 20000×20000 pixels (400 million),"
                    + " more than the 100 million an image may have; shown as its alt text");
    }

    @Test
    void aHugeCanvasIsRefused() throws IOException {
        byte[] small = TestImages.gif(TestImages.plain(16, 16, Color.RED), TestImages.plain(16, 16, Color.BLUE));
        Files.write(folder.resolve("canvas.gif"), TestImages.declareCanvasSize(small, 30000, 30000));
        Warnings warnings = new Warnings();
        assertThat(load("canvas.gif", warnings).embeddable()).isFalse();
        assertThat(warnings.list())
            .containsExactly("slide 3: image canvas.gif: its canvas is 30000×30000 pixels (900 million),"
                    + " more than the 100 million an image may have; shown as its alt text");
    }

    @Test
    void manyFramesWithinTheLimitEachAreRefusedTogether() throws IOException {
        byte[] one = TestImages.gif(TestImages.plain(1600, 1600, Color.RED));
        byte[] many = TestImages.repeatLastFrame(one, 300);
        assertThat(many.length).isLessThan(2_000_000);
        Files.write(folder.resolve("anim.gif"), many);
        Warnings warnings = new Warnings();
        Picture picture = load("anim.gif", warnings);
        assertThat(picture.embeddable()).isFalse();
        assertThat(warnings.list())
            .containsExactly("slide 3: image anim.gif: 300 frames of 1600×1600 pixels, 768 million pixels"
                    + " in all, more than the 100 million an image may have; shown as its alt text");
    }

    @Test
    void tooManyFramesAreRefusedWhateverTheirSize() throws IOException {
        byte[] one = TestImages.gif(TestImages.plain(2, 2, Color.RED));
        Files.write(folder.resolve("anim.gif"), TestImages.repeatLastFrame(one, 1500));
        Warnings warnings = new Warnings();
        assertThat(load("anim.gif", warnings).embeddable()).isFalse();
        assertThat(warnings.list())
            .containsExactly("slide 3: image anim.gif: more than 1000 frames (an image may have at most"
                    + " 1000); shown as its alt text");
    }

    @Test
    void animatedPngFramesCountToo() throws IOException {
        Files.write(folder.resolve("anim.png"), TestImages.apng(TestImages.plain(1600, 1600, Color.RED), 40));
        Files.write(folder.resolve("long.png"), TestImages.apng(TestImages.plain(2, 2, Color.RED), 1001));
        Warnings warnings = new Warnings();
        assertThat(load("anim.png", warnings).embeddable()).isFalse();
        assertThat(load("long.png", warnings).embeddable()).isFalse();
        assertThat(warnings.list()).containsExactly(
                "slide 3: image anim.png: 40 frames of 1600×1600 pixels, 102.4 million pixels in all, more than the 100 million"
                        + " an image may have; shown as its alt text",
                "slide 3: image long.png: more than 1000 frames (an image may have at most 1000); shown as its alt text");
    }

}
