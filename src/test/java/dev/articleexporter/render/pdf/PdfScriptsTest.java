package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articleexporter.fonts.FontFolders;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.testing.PdfReadBack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every script of the issue: fonts chosen per character, right-to-left layout, warnings
 * for characters no font covers, extra font folders.
 *
 * <p>
 * What text extraction gives back, checked with PDFBox 3.0 and OpenPDF 3.0.5: OpenPDF
 * shapes Arabic into presentation forms (U+FB50-U+FEFF) and writes every line in visual
 * order, with a ToUnicode map from each glyph to its presentation form. PDFBox's
 * {@code PDFTextStripper} reorders each line into logical order (java.text.Bidi) and maps
 * presentation forms back to the base letters, so its text contains the Arabic and Hebrew
 * words exactly as written; the tests compare after NFKC anyway (which is what turns
 * presentation forms into letters). {@code pdftotext} (poppler) gives the presentation
 * forms in visual order, words reversed; a search in a viewer goes through the same
 * ToUnicode map. The raw glyphs ({@link TextPosition#getUnicode()}) are presentation
 * forms, which is how the tests see that the letters are joined (initial, medial and
 * final forms).
 *
 * <p>
 * Chinese, Japanese and emoji need system fonts (Debian packages fonts-wqy-zenhei,
 * fonts-symbola): without them those tests are skipped, unless
 * {@code ARTICLE_EXPORTER_REQUIRE_FONTS=true} (CI), where they fail. Everything the
 * bundled Liberation and DejaVu fonts cover is tested unconditionally.
 */
class PdfScriptsTest {

    private static final PdfRenderer SYSTEM = new PdfRenderer();

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    /** The bundled fonts only: no system folders, no user folders. */
    private static final PdfRenderer BUNDLED = new PdfRenderer("A4", List.of(), List.of());

    private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private static final float RIGHT_MARGIN = 595.28f - 62f;

    private static final float LEFT_MARGIN = 62f;

    /**
     * Scripts of {@link TestStories#SCRIPTS} that need fonts from the system, with the
     * Debian package.
     */
    private static final Map<String, String> NEEDS_SYSTEM_FONT = Map.of("Chinese", "fonts-wqy-zenhei", "Japanese",
            "fonts-wqy-zenhei", "emoji", "fonts-symbola");

    // ---------------------------------------------------------------- every script

    @Test
    void everyScriptWithSystemFontsComesBackWholeWithEmbeddedFontsAndNoWarnings() throws IOException {
        for (var e : NEEDS_SYSTEM_FONT.entrySet()) {
            assumeSystemFontsCover(TestStories.SCRIPTS.get(e.getKey()), e.getValue());
        }
        Story d = TestStories.everyScript();
        Warnings warnings = new Warnings();
        try (PDDocument pdf = Loader.loadPDF(render(SYSTEM, d, warnings))) {
            String text = comparable(text(pdf));
            for (var e : TestStories.SCRIPTS.entrySet()) {
                assertContains(text, e.getValue(), e.getKey());
            }
            assertContains(text, d.meta().title(), "title");
            assertAllFontsEmbedded(pdf, d.id());
            Set<String> names = fontNames(pdf);
            assertTrue(names.stream().anyMatch(n -> n.contains("DejaVuSans")), names.toString()); // Arabic
            assertTrue(names.stream().anyMatch(n -> n.contains("WenQuanYi")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.contains("Symbola")), names.toString());
        }
        assertEquals(List.of(), warnings.list());
    }

    @Test
    void everyScriptWithBundledFontsOnlyShowsWhatTheyCoverAndWarnsOncePerMissingScript() throws IOException {
        Story d = TestStories.everyScript();
        Warnings warnings = new Warnings();
        try (PDDocument pdf = Loader.loadPDF(render(BUNDLED, d, warnings))) {
            String text = comparable(text(pdf));
            for (var e : TestStories.SCRIPTS.entrySet()) {
                if (!NEEDS_SYSTEM_FONT.containsKey(e.getKey())) {
                    assertContains(text, e.getValue(), e.getKey());
                }
            }
            assertContains(text, "Weather today: ☀", "emoji sample up to the first emoji DejaVu lacks");
            assertFalse(text.contains("中"), text);
            assertAllFontsEmbedded(pdf, d.id());
            for (String name : fontNames(pdf)) {
                assertTrue(name.contains("Liberation") || name.contains("DejaVu"), name);
            }
        }
        List<String> list = warnings.list();
        // one warning per script: Han, Hiragana, Katakana, and Common (emoji, CJK
        // punctuation)
        assertEquals(4, list.size(), list.toString());
        assertEquals(4, list.stream().map(w -> w.replaceAll(".* of script (\\w+) .*", "$1")).distinct().count(),
                list.toString());
        String han = list.stream()
            .filter(w -> w.contains("script HAN"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(list));
        // 这是一个中文段落用于测试字体 (14) + 中文 in the title + 日本語 in the title + 日本語段落 in the
        // Japanese sample,
        // headings included; the first one is in the title
        assertTrue(han.startsWith("pdf: no font covers "), han);
        assertTrue(han.contains("(first U+4E2D '中')"), han);
        assertTrue(han.endsWith("add a font folder with --fonts"), han);
        assertTrue(list.stream().anyMatch(w -> w.contains("script COMMON") && w.contains("U+FF0C")), list.toString());
        assertTrue(list.stream().anyMatch(w -> w.contains("script HIRAGANA")), list.toString());
        assertTrue(list.stream().anyMatch(w -> w.contains("script KATAKANA")), list.toString());
    }

    @Test
    void rightToLeftParagraphInALeftToRightArticleIsRightAlignedAndTheHeadingStaysLeft() throws IOException {
        Story d = TestStories.everyScript();
        try (PDDocument pdf = Loader.loadPDF(render(BUNDLED, d, new Warnings()))) {
            List<List<TextPosition>> lines = lines(pdf, 1);
            List<TextPosition> arabic = lineStartingWith(lines, "مرحبا بالعالم");
            assertEquals(RIGHT_MARGIN, right(arabic), 1.5f,
                    "Arabic paragraph (first strong character R) is right-aligned");
            assertTrue(left(arabic) > LEFT_MARGIN + 100, "Arabic paragraph is not left-aligned");
            List<TextPosition> hebrew = lineStartingWith(lines, "שלום עולם");
            assertEquals(RIGHT_MARGIN, right(hebrew), 1.5f, "Hebrew paragraph is right-aligned");
            List<TextPosition> heading = lineStartingWith(lines, "5 Arabic:");
            assertEquals(LEFT_MARGIN, left(heading), 1f, "heading starting with Latin is left-aligned");
            // within that left-to-right heading the Arabic words read right to left: the
            // first
            // letter (م) is to the right of the last (ل)
            float firstLetter = xOf(heading, 'م', true);
            float lastLetter = xOf(heading, 'ل', false);
            assertTrue(firstLetter > lastLetter, "Arabic in the heading is in visual right-to-left order");
        }
    }

    // ---------------------------------------------------------------- arabic()

    @Test
    void arabicArticleIsLaidOutRightToLeftJoinedAndExtractsInLogicalOrder() throws IOException {
        Story d = TestStories.arabic();
        Warnings warnings = new Warnings();
        try (PDDocument pdf = Loader.loadPDF(render(BUNDLED, d, warnings))) {
            assertEquals("ar", pdf.getDocumentCatalog().getLanguage());
            String text = comparable(text(pdf));
            assertContains(text, d.meta().title(), "title");
            assertContains(text, d.intro().getFirst(), "intro");
            for (Slide s : d.slides()) {
                assertContains(text, s.heading(), "heading");
                for (String p : s.paragraphs()) {
                    assertContains(text, p, "paragraph");
                }
            }
            assertContains(text, "By فريق التحرير", "byline");

            List<List<TextPosition>> lines = lines(pdf, 1);
            // every text line but the footer ends at the right margin
            float footerY = lines.getLast().getFirst().getYDirAdj();
            for (List<TextPosition> line : lines) {
                if (line.getFirst().getYDirAdj() < footerY - 1) {
                    assertEquals(RIGHT_MARGIN, right(line), 1.5f, "right-aligned: " + visual(line));
                }
            }
            // a paragraph reads from right to left: its first letter is the rightmost
            // glyph, the
            // year and the final full stop are at the left end
            List<TextPosition> para = lineStartingWith(lines, "قال السوداني");
            assertEquals("ق", nfkc(rightmost(para).getUnicode()));
            assertEquals(".", para.getFirst().getUnicode());
            assertTrue(xOf(para, '2', true) < xOf(para, 'ق', true));
            // "2014" keeps its left-to-right digit order inside the right-to-left line
            assertTrue(visual(para).startsWith(".2014"), visual(para));
            // the Hebrew quote (no joining) is right to left too: ציטוט is at the right
            List<TextPosition> hebrew = lineStartingWith(lines, "ציטוט בעברית");
            assertEquals("צ", rightmost(hebrew).getUnicode());
            // the heading number comes first, at the right
            List<TextPosition> heading = lineStartingWith(lines, "1 نهاية المبررات");
            assertEquals("1", rightmost(heading).getUnicode());
            // joined: the glyphs of the Arabic letters are contextual presentation forms,
            // among
            // them initial, medial and final ones
            Set<String> forms = new HashSet<>();
            int arabicGlyphs = 0;
            for (List<TextPosition> line : lines) {
                for (TextPosition t : line) {
                    int cp = t.getUnicode().codePointAt(0);
                    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC && Character.isLetter(cp)) {
                        arabicGlyphs++;
                        assertTrue(cp >= 0xFB50 && cp <= 0xFEFF, "unshaped letter " + Character.getName(cp));
                        forms.add(Character.getName(cp).replaceAll(".* (\\w+ FORM)$", "$1"));
                    }
                }
            }
            assertTrue(arabicGlyphs > 100, "Arabic glyphs: " + arabicGlyphs);
            assertTrue(forms.containsAll(Set.of("INITIAL FORM", "MEDIAL FORM", "FINAL FORM")), forms.toString());

            // footer: running title on the right, page numbers on the left
            List<TextPosition> footer = lines.getLast();
            assertEquals(RIGHT_MARGIN, right(footer), 1.5f);
            assertEquals(LEFT_MARGIN, left(footer), 1f);
            // blanks are not glyphs here
            assertTrue(visual(footer).startsWith("page1of1"), visual(footer));

            // outline titles are plain strings in logical order, pointing at the page
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                assertEquals(0, pdf.getPages().indexOf(item.findDestinationPage(pdf)));
            }
            assertEquals(List.of("1. نهاية المبررات", "2. العلاقات الثنائية"), titles);
            assertAllFontsEmbedded(pdf, d.id());
        }
        assertEquals(List.of(), warnings.list());
    }

    // ---------------------------------------------------------------- characters no font
    // covers

    @Test
    void aCharacterNoFontCoversGivesOneWarningAndTheRestStillRenders() throws IOException {
        // U+E000 is in the Private Use Area: no font of the chain (nor of this machine:
        // fc-list ':charset=e000') has it
        Meta meta = new Meta("Private \uE000 use", null, null, null, null, null, "en", List.of());
        Story d = new Story("pua", meta, List.of("Before \uE000 after."),
                List.of(new Slide(1, "Heading \uE000", null, null, List.of("One \uE000\uE000 two, Ελληνικά."))),
                List.of(), null);
        Warnings warnings = new Warnings();
        try (PDDocument pdf = Loader.loadPDF(render(SYSTEM, d, warnings))) {
            String text = comparable(text(pdf));
            assertContains(text, "Private use", "title");
            assertContains(text, "Before after.", "intro");
            assertContains(text, "Heading", "heading");
            assertContains(text, "One two, Ελληνικά.", "paragraph");
            assertAllFontsEmbedded(pdf, d.id());
        }
        assertEquals(List.of("pdf: no font covers 5 characters of script UNKNOWN (first U+E000 '\uE000'); "
                + "add a font folder with --fonts"), warnings.list());
    }

    // ---------------------------------------------------------------- font folders

    @Test
    void aUserFontFolderIsUsedForWhatTheOtherFontsLack(@TempDir Path dir) throws IOException {
        assumeSystemFontsCover(TestStories.SCRIPTS.get("Chinese"), "fonts-wqy-zenhei");
        if (!Files.isRegularFile(WQY)) {
            requireOrSkip("WenQuanYi Zen Hei is not at " + WQY + ": install the Debian package fonts-wqy-zenhei");
        }
        Files.copy(WQY, dir.resolve("wqy-zenhei.ttc"));
        Story d = TestStories.everyScript();

        Warnings without = new Warnings();
        render(BUNDLED, d, without);
        assertTrue(without.list().stream().anyMatch(w -> w.contains("script HAN")), without.list().toString());

        Warnings with = new Warnings();
        PdfRenderer renderer = new PdfRenderer("A4", List.of(dir), List.of());
        try (PDDocument pdf = Loader.loadPDF(render(renderer, d, with))) {
            String text = comparable(text(pdf));
            assertContains(text, TestStories.SCRIPTS.get("Chinese"), "Chinese");
            assertContains(text, TestStories.SCRIPTS.get("Japanese"), "Japanese");
            assertTrue(fontNames(pdf).stream().anyMatch(n -> n.contains("WenQuanYiZenHei")), fontNames(pdf).toString());
            assertAllFontsEmbedded(pdf, d.id());
        }
        // only the emoji remain without a font
        assertEquals(1, with.list().size(), with.list().toString());
        assertTrue(with.list().getFirst().contains("script COMMON (first U+1F327"), with.list().toString());
    }

    @Test
    void fontFolderProperty(@TempDir Path dir) {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PdfRenderer.class);
        runner.withPropertyValues("exporter.pdf.font-dirs=" + dir + " , " + dir).run(ctx -> {
            assertNotNull(ctx.getBean(PdfRenderer.class));
            Warnings warnings = new Warnings();
            render(ctx.getBean(PdfRenderer.class), TestStories.arabic(), warnings);
            assertEquals(List.of(), warnings.list());
        });
        runner.withPropertyValues("exporter.pdf.font-dirs=" + dir.resolve("missing")).run(ctx -> {
            Throwable root = ctx.getStartupFailure();
            assertNotNull(root);
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals(IllegalArgumentException.class, root.getClass());
            assertTrue(root.getMessage().contains("missing") && root.getMessage().contains("exporter.pdf.font-dirs"),
                    root.getMessage());
        });
        assertEquals(List.of(Path.of("/a"), Path.of(System.getProperty("user.home"), "fonts")),
                PdfRenderer.fontDirs(" /a ,, ~/fonts "));
        assertEquals(List.of(), PdfRenderer.fontDirs(""));
        assertThrows(IllegalArgumentException.class, () -> new PdfRenderer("A4", "/no/such/font/folder"));
    }

    @Test
    void collectionFacesAndCoverageAreReadFromTheFileHeaders() {
        if (!Files.isRegularFile(WQY)) {
            requireOrSkip("WenQuanYi Zen Hei is not at " + WQY + ": install the Debian package fonts-wqy-zenhei");
        }
        List<FontCoverage.Face> faces = FontCoverage.read(WQY);
        assertTrue(faces.size() >= 2, faces.toString());
        assertEquals("wqy-zenhei.ttc,0", faces.getFirst().openPdfName());
        assertTrue(faces.getFirst().covers(0x4E2D));
        assertFalse(faces.getFirst().covers(0xE000));
        assertEquals(List.of(), FontCoverage.read(Path.of("pom.xml")));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Skips (or, with ARTICLE_EXPORTER_REQUIRE_FONTS=true, fails) unless the system fonts
     * cover the sample.
     */
    private static void assumeSystemFontsCover(String sample, String debianPackage) {
        FontChain chain = FontChain.of(FontFolders.system(), List.of());
        String missing = sample.codePoints()
            .filter(cp -> !Character.isWhitespace(cp))
            .filter(cp -> chain.find(FontChain.Style.SERIF, cp) == null)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
        if (!missing.isEmpty()) {
            requireOrSkip("No system font covers «" + missing + "»: install the Debian package " + debianPackage);
        }
    }

    private static void requireOrSkip(String message) {
        if ("true".equalsIgnoreCase(System.getenv("ARTICLE_EXPORTER_REQUIRE_FONTS"))) {
            fail(message + " (ARTICLE_EXPORTER_REQUIRE_FONTS=true)");
        }
        assumeTrue(false, message);
    }

    private static byte[] render(PdfRenderer renderer, Story d, Warnings warnings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(d, out, warnings);
        return JUDGED.add(d.id(), out.toByteArray());
    }

    private static String text(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
    }

    /**
     * NFKC (presentation forms to letters, composed accents), whitespace runs as one
     * space.
     */
    private static String comparable(String s) {
        return nfkc(s).replaceAll("\\s+", " ");
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private static void assertContains(String text, String expected, String what) {
        String e = comparable(expected);
        assertTrue(text.contains(e), () -> what + ": missing «" + e + "» in: " + text);
    }

    /**
     * The glyphs of a page as lines (top to bottom), each in visual order (left to
     * right).
     */
    private static List<List<TextPosition>> lines(PDDocument pdf, int page) throws IOException {
        Map<Integer, List<TextPosition>> byY = new TreeMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                if (!t.getUnicode().isBlank() && t.getFontSizeInPt() > 1f) {
                    byY.computeIfAbsent(Math.round(t.getYDirAdj()), k -> new ArrayList<>()).add(t);
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        List<List<TextPosition>> lines = new ArrayList<>();
        for (List<TextPosition> line : byY.values()) {
            line.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
            lines.add(line);
        }
        return lines;
    }

    private static String visual(List<TextPosition> line) {
        StringBuilder s = new StringBuilder();
        for (TextPosition t : line) {
            s.append(nfkc(t.getUnicode()));
        }
        return s.toString();
    }

    /**
     * The line whose logical text (visual order of a right-to-left line reversed) starts
     * with the words.
     */
    private static List<TextPosition> lineStartingWith(List<List<TextPosition>> lines, String start) {
        String want = start.replace(" ", "");
        for (List<TextPosition> line : lines) {
            String v = visual(line);
            String logical = new java.text.Bidi(v, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()
                    ? v : new StringBuilder(v).reverse().toString();
            if (logical.startsWith(want) || v.startsWith(want)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with «" + start + "»");
    }

    private static float left(List<TextPosition> line) {
        return line.getFirst().getXDirAdj();
    }

    private static float right(List<TextPosition> line) {
        TextPosition last = rightmost(line);
        return last.getXDirAdj() + last.getWidthDirAdj();
    }

    private static TextPosition rightmost(List<TextPosition> line) {
        return line.getLast();
    }

    /**
     * The x of the rightmost (or leftmost) glyph that is the letter, in any presentation
     * form.
     */
    private static float xOf(List<TextPosition> line, char letter, boolean rightmost) {
        Float x = null;
        for (TextPosition t : line) {
            if (nfkc(t.getUnicode()).equals(String.valueOf(letter))) {
                if (x == null || (rightmost ? t.getXDirAdj() > x : t.getXDirAdj() < x)) {
                    x = t.getXDirAdj();
                }
            }
        }
        assertNotNull(x, "no «" + letter + "» in " + visual(line));
        return x;
    }

    private static Set<String> fontNames(PDDocument pdf) throws IOException {
        Set<String> names = new HashSet<>();
        for (PDFont f : PdfReadBack.allFonts(pdf)) {
            names.add(f.getName());
        }
        return names;
    }

    private static void assertAllFontsEmbedded(PDDocument pdf, String id) throws IOException {
        for (PDFont font : PdfReadBack.allFonts(pdf)) {
            assertTrue(font.isEmbedded(), font.getName() + " not embedded in " + id);
            assertFalse(font.isStandard14(), font.getName() + " is a standard-14 font in " + id);
        }
    }

}
