package dev.articleexporter.cover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Published;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A title in each script family is drawn whole, each character with a font that has it,
 * right-to-left ones right-aligned. The bundled DejaVu fonts cover Latin, Greek,
 * Cyrillic, Arabic and Hebrew; CJK and emoji need system fonts (Debian fonts-wqy-zenhei,
 * fonts-symbola): without them those tests are skipped, unless
 * {@code ARTICLE_EXPORTER_REQUIRE_FONTS=true} or {@code CI=true}, where they fail.
 */
class CoverScriptsTest {

    private static final CoverMaker MAKER = new CoverMaker();

    private static Story titled(String title, String language) {
        Meta meta = new Meta(title, "Example Desk", "World", null, null,
                new Published(LocalDate.of(2026, 11, 25), null), language, List.of());
        return new Story("t", meta, List.of(), List.of(new Slide(1, "h", null, null, List.of("p"))), List.of(), null);
    }

    /** The title's block as laid out on the full cover. */
    private static TextBlock title(Story story) {
        return MAKER.storyLayout(story)
            .stream()
            .filter(b -> b.fonts().size() > 0 && b.size() >= 80)
            .findFirst()
            .orElseThrow();
    }

    private static void assertWhole(String text, String language, String... fonts) throws IOException {
        Story story = titled(text, language);
        TextBlock block = title(story);
        assertThat(block.dropped()).as("characters left out").isEmpty();
        assertThat(block.fonts()).as("fonts chosen").contains(fonts);
        int laidOut = block.lines().stream().mapToInt(l -> l.getCharacterCount()).sum();
        assertThat(laidOut).as("every character laid out").isEqualTo(text.length());
        CoverMakerTest.assertJpeg(MAKER.story(story).full(), CoverMaker.WIDTH, CoverMaker.HEIGHT);
    }

    @Test
    void latin() throws IOException {
        assertWhole(TestStories.SCRIPTS.get("Latin with accents"), "en", "DejaVu Sans Bold");
    }

    @Test
    void greekAndCyrillic() throws IOException {
        assertWhole(TestStories.SCRIPTS.get("Greek"), "el", "DejaVu Sans Bold");
        assertWhole(TestStories.SCRIPTS.get("Cyrillic"), "ru", "DejaVu Sans Bold");
    }

    @Test
    void arabicIsShapedAndRightAligned() throws IOException {
        String text = TestStories.arabic().meta().title();
        assertWhole(text, "ar", "DejaVu Sans Bold");
        assertThat(title(titled(text, "ar")).rightToLeft()).isTrue();
        assertRightAligned(titled(text, "ar"));
    }

    @Test
    void hebrewIsRightAligned() throws IOException {
        String text = TestStories.SCRIPTS.get("Hebrew");
        assertWhole(text, "he", "DejaVu Sans Bold");
        assertRightAligned(titled(text, "he"));
    }

    @Test
    void aLatinTitleIsLeftAligned() throws IOException {
        // the counterpart of the right-to-left tests: the measure can tell
        BufferedImage image = CoverMakerTest.read(MAKER.story(titled("Left aligned words", "en")).full().jpeg());
        int[] ink = inkColumns(image);
        assertThat(ink[0]).isBetween(128, 160);
        assertThat(ink[1]).isLessThan(1400);
    }

    @Test
    void chineseAndJapaneseWrapBetweenCharacters() throws IOException {
        String chinese = "这是一个中文标题，用于测试封面的换行和字体回退效果，它应该在任何两个字之间换行";
        String japanese = TestStories.SCRIPTS.get("Japanese");
        assumeSystemFontsCover(chinese + japanese, "fonts-wqy-zenhei");
        assertThat(fontFor(chinese)).as("a system CJK font").doesNotContain("DejaVu");
        assertWhole(chinese, "zh", fontFor(chinese));
        assertWhole(japanese, "ja", fontFor(japanese));
        assertThat(title(titled(chinese, "zh")).lines()).as("wrapped").hasSizeGreaterThan(1);
    }

    @Test
    void emojiAreDrawnWithAFontThatHasThem() throws IOException {
        String emoji = "Weather today \u2600 \uD83C\uDF27 \uD83D\uDE42 \uD83D\uDC4D";
        assumeSystemFontsCover(emoji, "fonts-symbola");
        assertWhole(emoji, "en", "DejaVu Sans Bold", fontFor("\uD83D\uDE42"));
    }

    @Test
    void aCharacterNoFontHasIsLeftOutNotBoxed() {
        // U+10FFFD: private use, in no font
        TextBlock block = title(titled("Box \uDBFF\uDFFD here", "en"));
        assertThat(block.dropped()).isEqualTo("\uDBFF\uDFFD");
        assertThat(block.lines().getFirst().getCharacterCount()).isEqualTo("Box  here".length());
    }

    // ---------------------------------------------------------------- helpers

    private static String fontFor(String text) {
        int cp = text.codePoints().filter(c -> c > 0x2FFF).findFirst().orElseThrow();
        return CoverFonts.INSTANCE.find(CoverFonts.Face.TITLE, cp, 10).getFontName(Locale.ROOT);
    }

    /** The title's ink ends at the right margin and starts well right of the left one. */
    private static void assertRightAligned(Story story) throws IOException {
        BufferedImage image = CoverMakerTest.read(MAKER.story(story).full().jpeg());
        int[] ink = inkColumns(image);
        assertThat(ink[1]).as("rightmost ink").isBetween(1420, 1476);
        assertThat(ink[0]).as("leftmost ink").isGreaterThan(200);
    }

    /**
     * Leftmost and rightmost columns in the title's area whose pixel is far from the
     * ground's colour.
     */
    private static int[] inkColumns(BufferedImage image) {
        Color ground = new Color(image.getRGB(20, 1000));
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = 600; y < 1500; y += 2) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                int d = Math.abs(c.getRed() - ground.getRed()) + Math.abs(c.getGreen() - ground.getGreen())
                        + Math.abs(c.getBlue() - ground.getBlue());
                if (d > 200) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[] { left, right };
    }

    private static void assumeSystemFontsCover(String sample, String debianPackage) {
        String missing = sample.codePoints()
            .filter(cp -> !Character.isWhitespace(cp))
            .filter(cp -> CoverFonts.INSTANCE.find(CoverFonts.Face.TITLE, cp, 10) == null)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
        if (!missing.isEmpty()) {
            String message = "No system font covers «" + missing + "»: install the Debian package " + debianPackage;
            if ("true".equalsIgnoreCase(System.getenv("ARTICLE_EXPORTER_REQUIRE_FONTS"))
                    || "true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (ARTICLE_EXPORTER_REQUIRE_FONTS or CI is true)");
            }
            assumeTrue(false, message);
        }
    }

}
