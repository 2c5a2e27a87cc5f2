package dev.articleexporter.cover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.articleexporter.model.Cover;
import dev.articleexporter.model.Digest;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Published;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Covers are JPEGs of the stated sizes, show what they should, and are made safely. */
class CoverMakerTest {

    private static final CoverMaker MAKER = new CoverMaker();

    /** The sample article's cover: typographic (it has no pictures). */
    static Story sample() {
        Meta meta = new Meta("Iraq\u2019s Prime Minister Calls for Departure of U.S.-Led Military Coalition",
                "The Stock Dork", "Politics", null, null, new Published(LocalDate.of(2026, 11, 25), null), "en",
                List.of());
        return new Story("iraq", meta, List.of(),
                List.of(new Slide(1, "End of Justifications", null, null, List.of("Al-Sudani conveyed his belief."))),
                List.of(), null);
    }

    @Test
    void aTypographicCoverIsABaselineRgbJpegOfTheStatedSizesAndItsThumbnailIsSmall() throws IOException {
        Cover cover = MAKER.story(sample());
        assertJpeg(cover.full(), CoverMaker.WIDTH, CoverMaker.HEIGHT);
        assertJpeg(cover.thumbnail(), CoverMaker.THUMBNAIL_WIDTH, CoverMaker.THUMBNAIL_HEIGHT);
        assertThat(CoverMaker.HEIGHT * 10 / CoverMaker.WIDTH).isEqualTo(16); // 1:1.6
        assertThat(cover.thumbnail().jpeg().length).as("thumbnail bytes").isLessThanOrEqualTo(12 * 1024);
        // the sample article's EPUB must stay under 150 KB with it
        assertThat(cover.full().jpeg().length).as("cover bytes").isLessThanOrEqualTo(120 * 1024);
    }

    @Test
    void aCoverMadeForAKeyCarriesItAndIsTakenBackOnlyForThatKey() throws IOException {
        Story story = sample();
        String key = CoverMaker.key(story, "settings");
        Cover cover = MAKER.story(story, key);
        // still a plain JPEG of the stated size, with the key in a comment segment
        assertJpeg(cover.full(), CoverMaker.WIDTH, CoverMaker.HEIGHT);
        assertJpeg(cover.thumbnail(), CoverMaker.THUMBNAIL_WIDTH, CoverMaker.THUMBNAIL_HEIGHT);
        assertThat(Jpeg.key(cover.full().jpeg())).isEqualTo(key);
        assertThat(CoverMaker.made(cover.full().jpeg(), cover.thumbnail().jpeg(), key)).isNotNull();

        assertThat(CoverMaker.key(story, "other settings")).isNotEqualTo(key);
        Story retitled = new Story(story.id(),
                new Meta("Another title", story.meta().site(), story.meta().section(), null, null,
                        story.meta().published(), "en", List.of()),
                story.intro(), story.slides(), story.credits(), story.related());
        assertThat(CoverMaker.key(retitled, "settings")).isNotEqualTo(key);
        assertThat(CoverMaker.made(cover.full().jpeg(), cover.thumbnail().jpeg(), CoverMaker.key(retitled, "settings")))
            .isNull();
        // a cover without a key, or bytes that are no JPEG, are never taken
        Cover plain = MAKER.story(story);
        assertThat(Jpeg.key(plain.full().jpeg())).isNull();
        assertThat(CoverMaker.made(plain.full().jpeg(), cover.thumbnail().jpeg(), key)).isNull();
        assertThat(Jpeg.key(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 99 })).isNull();
        assertThat(Jpeg.key(new byte[0])).isNull();
    }

    @Test
    void theTitleIsDrawnNotBlank() throws IOException {
        Cover cover = MAKER.story(sample());
        BufferedImage image = read(cover.full().jpeg());
        // the title's area: from 600 units down, inside the margins
        assertThat(variance(image, 128, 608, 1344, 600)).isGreaterThan(1000);
        BufferedImage thumb = read(cover.thumbnail().jpeg());
        assertThat(variance(thumb, 16, 76, 168, 75)).isGreaterThan(1000);
        // and a cover without a title there is flat: the measure can fail
        Story untitled = sample();
        Meta m = untitled.meta();
        Story blank = new Story("x", new Meta(" ", m.site(), m.section(), null, null, m.published(), "en", List.of()),
                List.of(), untitled.slides(), List.of(), null);
        assertThat(variance(read(MAKER.story(blank).full().jpeg()), 128, 608, 1344, 600)).isLessThan(50);
    }

    @Test
    void aStorysLeadPictureFillsItsCover() throws IOException {
        Story story = TestStories.harbourTowns();
        Picture lead = story.leadPicture();
        BufferedImage picture = read(lead.data().bytes());
        BufferedImage cover = read(MAKER.story(story).full().jpeg());
        // the top of the cover, above the shade, is the picture's centre crop scaled
        int sh = Math.min(picture.getHeight(), picture.getWidth() * 8 / 5);
        int sw = sh * 5 / 8;
        int sx = (picture.getWidth() - sw) / 2;
        int sy = (picture.getHeight() - sh) / 2;
        int[] expected = mean(picture, sx + sw / 4, sy + sh / 20, sw / 2, sh / 10);
        int[] actual = mean(cover, CoverMaker.WIDTH / 4, CoverMaker.HEIGHT / 20, CoverMaker.WIDTH / 2,
                CoverMaker.HEIGHT / 10);
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c])
                .as("channel " + c + " " + Arrays.toString(actual) + " vs " + Arrays.toString(expected))
                .isCloseTo(expected[c], within(12));
        }
        for (Palette palette : Palette.ALL) {
            int[] ground = { palette.ground().getRed(), palette.ground().getGreen(), palette.ground().getBlue() };
            assertThat(actual).as("not a typographic cover").isNotEqualTo(ground);
        }
        assertJpeg(MAKER.story(story).thumbnail(), CoverMaker.THUMBNAIL_WIDTH, CoverMaker.THUMBNAIL_HEIGHT);
    }

    @Test
    void anUnreadablePictureGivesTheTypographicCover() {
        Story plain = sample();
        Picture broken = new Picture("alt",
                new Picture.ImageData(new byte[] { 1, 2, 3, 4 }, "slide-01.png", "image/png", 10, 10));
        Story withBroken = new Story(plain.id(), plain.meta(), List.of(),
                List.of(new Slide(1, "h", broken, null, List.of("p"))), List.of(), null);
        assertThat(MAKER.story(withBroken).full().jpeg()).isEqualTo(MAKER.story(plain).full().jpeg());
    }

    @Test
    void aDigestCoverIsAJpegOfTheStatedSizes() throws IOException {
        LocalDate date = LocalDate.of(2026, 11, 25);
        Digest digest = new Digest("digest-2026-11-25-run-7", Digest.title(date), date, "en",
                List.of(new Digest.Section(1, "Politics",
                        List.of(new Digest.Entry(1, "a", "A", "Politics", "en", TestStories::minimal)))),
                0, 200);
        Cover cover = MAKER.digest(digest);
        assertJpeg(cover.full(), CoverMaker.WIDTH, CoverMaker.HEIGHT);
        assertJpeg(cover.thumbnail(), CoverMaker.THUMBNAIL_WIDTH, CoverMaker.THUMBNAIL_HEIGHT);
        assertThat(variance(read(cover.full().jpeg()), 128, 448, 1344, 200)).isGreaterThan(1000);
    }

    @Test
    void coversMadeOnSeveralThreadsAtOnceAreThoseMadeOneByOne() throws Exception {
        List<Story> stories = List.of(sample(), TestStories.arabic(), TestStories.harbourTowns(),
                TestStories.hostileText());
        List<byte[]> alone = stories.stream().map(s -> MAKER.story(s).full().jpeg()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Story s : stories) {
                    together.add(pool.submit(() -> new CoverMaker().story(s).full().jpeg()));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i % stories.size()));
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    static void assertJpeg(Cover.Image image, int width, int height) throws IOException {
        byte[] jpeg = image.jpeg();
        assertThat(image.width()).isEqualTo(width);
        assertThat(image.height()).isEqualTo(height);
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8); // SOI
        assertThat(jpeg[jpeg.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[jpeg.length - 1] & 0xFF).isEqualTo(0xD9); // EOI
        int sof = frameMarker(jpeg);
        assertThat(sof).as("baseline (SOF0)").isEqualTo(0xC0);
        BufferedImage read = read(jpeg);
        assertThat(read.getWidth()).isEqualTo(width);
        assertThat(read.getHeight()).isEqualTo(height);
        assertThat(read.getColorModel().getNumComponents()).as("RGB").isEqualTo(3);
    }

    /** The first start-of-frame marker's code. */
    private static int frameMarker(byte[] jpeg) {
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return marker;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
        }
        return -1;
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("ImageIO reads it").isNotNull();
        return image;
    }

    /** Variance of the grey level in a rectangle. */
    static double variance(BufferedImage image, int x0, int y0, int w, int h) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                double grey = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += grey;
                squares += grey * grey;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private static int[] mean(BufferedImage image, int x0, int y0, int w, int h) {
        long[] sums = new long[3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                sums[0] += rgb >> 16 & 0xFF;
                sums[1] += rgb >> 8 & 0xFF;
                sums[2] += rgb & 0xFF;
            }
        }
        long n = (long) w * h;
        return new int[] { (int) (sums[0] / n), (int) (sums[1] / n), (int) (sums[2] / n) };
    }

}
