package dev.articleexporter.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.testing.PdfReadBack;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One paragraph of megabytes: OpenPDF copies the rest of a chunk (and, right to left, of
 * the whole paragraph) for every line it sets, so the layout cuts long text into pieces.
 * The timeouts only guard against a hang; nothing here is timed.
 */
class LongParagraphTest {

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    private static final PdfRenderer A4 = new PdfRenderer();

    static final String[] LATIN = ("the harbour town wakes early and the fishing boats leave before sunrise while market "
            + "traders set out their stalls along the quay under grey winter light, prices fall after October and most "
            + "guest houses stay open all year round; book two nights at least because mornings are best")
        .split(" ");
    static final String[] HEBREW = "שלום עולם זוהי פסקה בעברית עם מילים רבות שחוזרות על עצמן שוב ושוב בעיר הנמל בחורף, 2014."
        .split(" ");

    @TempDir
    Path dir;

    /**
     * About {@code chars} characters of the words in a random order, one space between
     * words.
     */
    static String paragraph(int chars, String[] words, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(chars + 32);
        while (b.length() < chars) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(words[random.nextInt(words.length)]);
        }
        return b.toString();
    }

    static Story onParagraph(String text, String language) {
        Meta meta = new Meta("One Long Paragraph", null, null, null, null, null, language, List.of());
        return new Story("long", meta, List.of(), List.of(new Slide(1, "The paragraph", null, null, List.of(text))),
                List.of(), null);
    }

    private Path render(PdfRenderer renderer, Story digest) throws IOException {
        Path file = dir.resolve(digest.id() + ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            renderer.render(digest, out);
        }
        // what an export writes (A4); the renderers that cut text at other lengths only
        // move glyphs between text objects
        return renderer == A4 ? JUDGED.add(file) : file;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTwoMegabyteParagraphComesBackWhole() throws IOException {
        String text = paragraph(2_000_000, LATIN, 1);
        PdfReadBack pdf = PdfReadBack.of(render(A4, onParagraph(text, "en")));
        assertThat(pdf.pages()).isGreaterThan(400);
        assertThat(pdf.bodyText()).isEqualTo("One Long Paragraph 1 The paragraph " + text);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTwoMegabyteRightToLeftParagraphComesBackWhole() throws IOException {
        String text = paragraph(2_000_000, HEBREW, 2);
        PdfReadBack pdf = PdfReadBack.of(render(A4, onParagraph(text, "he")));
        assertThat(pdf.pages()).isGreaterThan(400);
        // PDFBox puts each right-to-left line back into logical order.
        assertThat(pdf.bodyText()).endsWith(text)
            .hasSize(text.length() + "One Long Paragraph 1 The paragraph ".length());
    }

    // ---------------------------------------------------------------- the same look

    /**
     * Left to right, right to left, Arabic (joined, with ligatures), and two fonts in one
     * paragraph.
     */
    static final String[] ARABIC = "مرحبا بالعالم، هذه فقرة باللغة العربية لا السلام عليكم إلى الله في عام 2014 (قال)."
        .split(" ");
    static final String[] MIXED = "the quick brown fox ∑ x² ≤ ∞ → jumps over ✓ the lazy dog, well-known café ½ ☀"
        .split(" ");

    @Test
    void cuttingLongTextIntoChunksAndRowsMovesNoGlyph() throws IOException {
        // Cut far more often than the renderer does (chunks of at most 40 chars, rows of
        // about 300),
        // so that nearly every line has a cut: every glyph lands where it lands in one
        // uncut block.
        PdfRenderer uncut = A4.withCuts(Integer.MAX_VALUE, Integer.MAX_VALUE);
        PdfRenderer cutOften = A4.withCuts(40, 300);
        record Case(String[] words, String language, int chars) {
        }
        for (Case c : List.of(new Case(LATIN, "en", 60_000), new Case(MIXED, "en", 30_000),
                new Case(HEBREW, "he", 30_000), new Case(ARABIC, "ar", 30_000), new Case(HEBREW, "en", 20_000),
                new Case(LATIN, "he", 20_000))) {
            Story digest = onParagraph(paragraph(c.chars(), c.words(), 3), c.language());
            List<Glyph> expected = glyphs(render(uncut, digest));
            assertSameGlyphs(c.language() + " " + c.words()[0] + ", cut often", expected,
                    glyphs(render(cutOften, digest)));
            assertSameGlyphs(c.language() + " " + c.words()[0], expected, glyphs(render(A4, digest)));
        }
        // A long right-to-left item of the reading list: a two-column table of its own
        // (bullet, text).
        Story listed = onParagraph("A short paragraph.", "he");
        listed = new Story(listed.id(), listed.meta(), listed.intro(), listed.slides(), listed.credits(),
                new Related("More",
                        List.of(new Related.Link("Short one", null),
                                new Related.Link(paragraph(20_000, HEBREW, 4), "https://example.com/long"),
                                new Related.Link("Another short one", null))));
        List<Glyph> expected = glyphs(render(uncut, listed));
        assertSameGlyphs("a long item of the reading list, cut often", expected, glyphs(render(cutOften, listed)));
        assertSameGlyphs("a long item of the reading list", expected, glyphs(render(A4, listed)));
    }

    /** A glyph drawn: page, position (points) and text. */
    private record Glyph(int page, float x, float y, String text) {

        /**
         * At the same place give or take a twentieth of a point (floating-point sums may
         * differ in the last digits).
         */
        boolean samePlace(Glyph o) {
            return page == o.page && text.equals(o.text) && Math.abs(x - o.x) <= 0.05f && Math.abs(y - o.y) <= 0.05f;
        }
    }

    private static void assertSameGlyphs(String what, List<Glyph> expected, List<Glyph> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).samePlace(actual.get(i))) {
            i++;
        }
        if (i < expected.size() || i < actual.size()) {
            int from = Math.max(0, i - 5);
            throw new AssertionError(what + ": glyph " + i + " of " + expected.size() + " differs; uncut "
                    + expected.subList(from, Math.min(expected.size(), i + 25)) + "\n but cut "
                    + actual.subList(from, Math.min(actual.size(), i + 25)));
        }
    }

    /** Every glyph drawn, in the order drawn. */
    private static List<Glyph> glyphs(Path pdf) throws IOException {
        List<Glyph> glyphs = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition p) {
                    glyphs.add(new Glyph(getCurrentPageNo(), p.getXDirAdj(), p.getYDirAdj(), p.getUnicode()));
                }
            };
            stripper.getText(doc);
        }
        return glyphs;
    }

}
