package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.render.epub.TextDirection.Direction;
import io.documentnode.epub4j.domain.Book;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Right-to-left text, every script, characters XML cannot hold, and very long articles
 * split over files ({@code article.xhtml}, {@code article-2.xhtml}...: see
 * {@link ArticleLayout}).
 */
class EpubScriptsAndSizeTest {

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private static final String NCX_NS = "http://www.daisy.org/z3986/2005/ncx/";

    private final EpubRenderer renderer = new EpubRenderer(FixedClock.CLOCK);

    @TempDir
    Path dir;

    // ---- right to left
    // -----------------------------------------------------------------------

    @Test
    void arabicArticleIsRightToLeftOnEveryPage() throws Exception {
        Path file = write("arabic", TestStories.arabic());
        EpubCheckAssert.assertValid(file);
        Map<String, byte[]> entries = unzip(Files.readAllBytes(file));
        List<String> pages = xhtmlNames(entries);
        assertEquals(List.of("OEBPS/article.xhtml", "OEBPS/nav.xhtml"), pages.stream().sorted().toList());
        for (String name : pages) {
            Document page = parse(entries.get(name));
            Element html = page.getDocumentElement();
            assertEquals("rtl", html.getAttribute("dir"), name);
            assertEquals("ar", html.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"), name);
            assertEquals("ar", html.getAttribute("lang"), name);
            assertEquals("rtl", ((Element) page.getElementsByTagNameNS(XHTML_NS, "body").item(0)).getAttribute("dir"),
                    name);
        }
        String article = string(entries, "OEBPS/article.xhtml");
        // Hebrew in an Arabic article runs the same way: it inherits the page's
        // direction.
        assertTrue(article.contains("<p>ציטוט בעברית: שלום.</p>"), article);
        assertTrue(article.contains("<h2 id=\"slide-1-h\">نهاية المبررات</h2>"), article);

        String opf = string(entries, "OEBPS/content.opf");
        assertTrue(opf.contains("<dc:language>ar</dc:language>"), opf);
        String css = string(entries, "OEBPS/style.css");
        assertTrue(css.contains("[dir=\"rtl\"] h1, [dir=\"rtl\"] h2"),
                "headings are aligned left for LTR only: " + css);
    }

    /**
     * Replaces {@code pageProgressionDirectionIsNotValidInEpub2}: EPUB 3 has the
     * attribute, so a right-to-left book declares it (and the package's direction), and
     * EPUBCheck accepts it; a left-to-right book says nothing.
     */
    @Test
    void rightToLeftBookDeclaresItsPageProgression() throws Exception {
        Path file = write("ppd", TestStories.arabic());
        EpubCheckAssert.assertValid(file);
        Document opf = parse(unzip(Files.readAllBytes(file)).get("OEBPS/content.opf"));
        Element spine = (Element) opf.getElementsByTagNameNS(EpubPackage.OPF_NS, "spine").item(0);
        assertEquals("rtl", spine.getAttribute("page-progression-direction"));
        assertEquals("rtl", opf.getDocumentElement().getAttribute("dir"));
        assertEquals("3.0", opf.getDocumentElement().getAttribute("version"));

        Document ltr = parse(unzip(render(TestStories.everyScript())).get("OEBPS/content.opf"));
        Element ltrSpine = (Element) ltr.getElementsByTagNameNS(EpubPackage.OPF_NS, "spine").item(0);
        assertFalse(ltrSpine.hasAttribute("page-progression-direction"), "left to right is the default");
        assertFalse(ltr.getDocumentElement().hasAttribute("dir"));
    }

    /**
     * Replaces {@code dirAutoIsNotValidXhtml11}: in XHTML 5 {@code dir="auto"} is valid
     * (EPUBCheck accepts it), but the renderer still decides each element's direction
     * itself ({@link TextDirection}), because not every reading system implements
     * {@code auto}: no page it writes says {@code auto}.
     */
    @Test
    void dirAutoIsValidInEpub3ButTheRendererDecidesDirectionItself() throws Exception {
        byte[] epub = render(TestStories.everyScript());
        unzip(epub).forEach(
                (name, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\"auto\""), name));
        Path edited = dir.resolve("auto.epub");
        Files.write(edited, edit(epub, "OEBPS/article.xhtml", x -> x.replace("<p>", "<p dir=\"auto\">")));
        assertTrue(string(unzip(Files.readAllBytes(edited)), "OEBPS/article.xhtml").contains("<p dir=\"auto\">"));
        EpubCheckAssert.assertValid(edited);
    }

    @Test
    void directionOfTextFromItsFirstStrongCharacter() {
        assertEquals(Direction.RTL, TextDirection.firstStrong("2014: مرحبا"));
        assertEquals(Direction.RTL, TextDirection.firstStrong("« שלום » hello"));
        assertEquals(Direction.LTR, TextDirection.firstStrong("Arabic: مرحبا"));
        assertEquals(Direction.LTR, TextDirection.firstStrong("12 € 中文"));
        assertEquals(Direction.NEUTRAL, TextDirection.firstStrong("12, 13 – 14 🙂"));
        assertEquals(Direction.NEUTRAL, TextDirection.firstStrong(""));
        assertEquals(" dir=\"rtl\"", TextDirection.dirAttribute("مرحبا", false));
        assertEquals("", TextDirection.dirAttribute("مرحبا", true));
        assertEquals(" dir=\"ltr\"", TextDirection.dirAttribute("Hello", true));
        assertEquals("", TextDirection.dirAttribute("Hello", false));
        assertEquals("", TextDirection.dirAttribute("2014", true));
    }

    // ---- every script
    // ------------------------------------------------------------------------

    @Test
    void everyScriptPassesAndReadsBackUnchanged() throws Exception {
        Path file = write("every-script", TestStories.everyScript());
        EpubCheckAssert.assertValid(file);
        Map<String, byte[]> entries = unzip(Files.readAllBytes(file));

        StringBuilder raw = new StringBuilder();
        // paragraph text as parsed -> its dir
        Map<String, String> paragraphDirs = new LinkedHashMap<>();
        for (String name : xhtmlNames(entries)) {
            raw.append(string(entries, name));
            Document page = parse(entries.get(name));
            assertEquals("", page.getDocumentElement().getAttribute("dir"), name + ": LTR article");
            assertEquals("en", page.getDocumentElement().getAttribute("lang"), name);
            NodeList ps = page.getElementsByTagNameNS(XHTML_NS, "p");
            for (int i = 0; i < ps.getLength(); i++) {
                Element p = (Element) ps.item(i);
                paragraphDirs.put(p.getTextContent(), p.getAttribute("dir"));
            }
        }
        for (var sample : TestStories.SCRIPTS.entrySet()) {
            String text = sample.getValue();
            // Verbatim in the file (no entity, no normalisation: decomposed accents stay
            // decomposed) ...
            assertTrue(raw.indexOf(text) >= 0, sample.getKey());
            // ... and as the paragraph's text when parsed back, unchanged, so also equal
            // after NFC.
            assertTrue(paragraphDirs.containsKey(text),
                    sample.getKey() + " not a paragraph: " + paragraphDirs.keySet());
            assertTrue(paragraphDirs.keySet()
                .stream()
                .anyMatch(p -> Normalizer.normalize(p, Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(text, Normalizer.Form.NFC))), sample.getKey());
            boolean rtl = sample.getKey().equals("Arabic") || sample.getKey().equals("Hebrew");
            assertEquals(rtl ? "rtl" : "", paragraphDirs.get(text), sample.getKey());
            assertTrue(raw.indexOf((rtl ? "<p dir=\"rtl\">" : "<p>") + text + "</p>") >= 0, sample.getKey());
        }
        String article = string(entries, "OEBPS/article.xhtml");
        assertTrue(article.contains(
                "<h1 id=\"title\" class=\"title\">Every Script: Ελληνικά, Русский, العربية, עברית, 中文, 日本語 ✓</h1>"),
                article);
        assertEquals(TestStories.everyScript().meta().title(),
                read(Files.readAllBytes(file)).getMetadata().getFirstTitle());
        // The contents read back unchanged too, in the nav document and the NCX.
        List<String> headings = TestStories.everyScript().slides().stream().map(Slide::heading).toList();
        List<String> navLabels = new ArrayList<>();
        NodeList links = parse(entries.get("OEBPS/nav.xhtml")).getElementsByTagNameNS(XHTML_NS, "a");
        for (int i = 0; i < links.getLength(); i++) {
            navLabels.add(links.item(i).getTextContent());
        }
        assertTrue(navLabels.containsAll(headings), navLabels.toString());
        assertTrue(navLabels.contains(TestStories.everyScript().meta().title()), navLabels.toString());
        List<String> ncxLabels = new ArrayList<>();
        NodeList texts = parse(entries.get("OEBPS/toc.ncx")).getElementsByTagNameNS(NCX_NS, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            ncxLabels.add(texts.item(i).getTextContent());
        }
        assertTrue(ncxLabels.containsAll(headings), ncxLabels.toString());
    }

    @Test
    void leftToRightParagraphInARightToLeftArticle() throws Exception {
        Story arabic = TestStories.arabic();
        Slide mixed = new Slide(1, "Breaking: عاجل", null, null,
                List.of("قال السوداني", "The minister said so in English.", "2014"));
        Story digest = new Story("mixed", arabic.meta(), arabic.intro(), List.of(mixed), List.of(), null);
        Path file = write("mixed", digest);
        EpubCheckAssert.assertValid(file);
        Map<String, byte[]> entries = unzip(Files.readAllBytes(file));
        String slide = string(entries, "OEBPS/article.xhtml");
        assertTrue(slide.contains("<h2 id=\"slide-1-h\" dir=\"ltr\">Breaking: عاجل</h2>"), slide);
        assertTrue(slide.contains("<p>قال السوداني</p>"), slide);
        assertTrue(slide.contains("<p dir=\"ltr\">The minister said so in English.</p>"), slide);
        assertTrue(slide.contains("<p>2014</p>"), slide);
        // and so does its entry in the right-to-left contents
        String nav = string(entries, "OEBPS/nav.xhtml");
        assertTrue(nav.contains("<a href=\"article.xhtml#slide-1\" dir=\"ltr\">Breaking: عاجل</a>"), nav);
    }

    // ---- characters XML 1.0 cannot hold
    // ------------------------------------------------------

    @Test
    void charactersXmlCannotHoldNeverReachTheBook() throws Exception {
        String bad = "\u0001\uFFFE\uD800\u0008\uFFFF\uDC00";
        String t = "Title" + bad.charAt(0) + " with" + bad.charAt(1) + " bad" + bad.charAt(2) + " chars";
        Meta meta = new Meta(t, "Site\u0001", "Sec\uFFFE", "Ann\uD800 Author", "https://example.com/a\u0001b", null,
                "en", List.of("kw\u0001"));
        Slide s1 = new Slide(1, "Heading\u0001 one\uFFFE\uD800", new Picture("alt\u0001\uFFFE", null),
                "Credit\u0001\uD800",
                List.of("Para\u0001graph\uFFFE with\uD800 lone", "reversed \uDC00\uD800 pair" + bad, "\u0001\uFFFE"));
        Slide s2 = new Slide(2, "Second\uFFFF", null, null, List.of("ok \uD83D\uDE00 still"));
        Story digest = new Story("bad-chars", meta, List.of("Intro\u0001\uFFFE\uD800"), List.of(s1, s2),
                List.of(new CreditLine("Credit\u0001\uD800", List.of(1))), new Related("More\u0001 from\uFFFE",
                        List.of(new Related.Link("Link\uD800\u0001", "https://example.com/x"))));
        Path file = write("bad-chars", digest);
        EpubCheckAssert.assertValid(file);

        byte[] epub = Files.readAllBytes(file);
        Map<String, byte[]> entries = unzip(epub);
        Pattern charRef = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
        for (var e : entries.entrySet()) {
            String text = strictUtf8(e.getKey(), e.getValue());
            text.codePoints()
                .forEach(cp -> assertTrue(xml10(cp),
                        () -> e.getKey() + " holds U+" + Integer.toHexString(cp).toUpperCase()));
            Matcher ref = charRef.matcher(text);
            while (ref.find()) {
                String n = ref.group(1);
                int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
                assertTrue(xml10(cp), e.getKey() + " refers to " + ref.group());
            }
            assertFalse(text.contains("Para?graph") || text.contains("with? lone"),
                    e.getKey() + ": replaced, not dropped");
        }
        Book book = read(epub);
        assertEquals("Title with bad chars", book.getMetadata().getFirstTitle());
        assertEquals(List.of("Title with bad chars", "Heading one", "Second", "More from", "Photo credits"),
                book.getTableOfContents().getTocReferences().stream().map(r -> r.getTitle()).toList());
        String ncx = string(entries, "OEBPS/toc.ncx");
        assertTrue(ncx.contains("<text>Title with bad chars</text>"), ncx);
        String article = string(entries, "OEBPS/article.xhtml");
        String slide1 = article.substring(article.indexOf("id=\"slide-1\""), article.indexOf("id=\"slide-2\""));
        assertTrue(slide1.contains("<p>Paragraph with lone</p>"), slide1);
        assertTrue(slide1.contains("<p class=\"credit\">Photo: Credit</p>"), slide1);
        assertFalse(slide1.contains("<p></p>"), "a paragraph of nothing but such characters is left out: " + slide1);
        assertTrue(article.substring(article.indexOf("id=\"slide-2\"")).contains("ok \uD83D\uDE00 still"),
                "pairs survive");
        String nav = string(entries, "OEBPS/nav.xhtml");
        assertTrue(nav.contains(">Title with bad chars</a>") && nav.contains(">More from</a>"), nav);
    }

    // ---- very long articles
    // ------------------------------------------------------------------

    @Test
    void hugeArticleIsSplitIntoAFewFiles() throws Exception {
        Story huge = TestStories.huge(3000);
        long start = System.nanoTime();
        byte[] epub = render(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path file = dir.resolve("huge.epub");
        Files.write(file, epub);
        long checkStart = System.nanoTime();
        EpubCheckAssert.assertValid(file);
        System.out.printf("huge(3000): rendered in %d ms (first, cold), %d bytes; EPUBCheck %d ms%n", millis,
                epub.length, (System.nanoTime() - checkStart) / 1_000_000);

        ArticleLayout layout = ArticleLayout.check(epub, huge);
        assertTrue(layout.files().size() >= 3 && layout.files().size() <= 40,
                "a few files, not thousands: " + layout.files());
        Matcher third = Pattern.compile("(?<![\\w-])article-3\\.xhtml#slide-(\\d+)")
            .matcher(String.join(" ", layout.tocSrcs()));
        assertTrue(third.find(), "slides in the third file: " + layout.tocSrcs());
        // Each file is in the book once, under its own id.
        String opf = new String(unzip(epub).get("OEBPS/content.opf"), StandardCharsets.UTF_8);
        assertTrue(opf.contains("id=\"article-3\" href=\"article-3.xhtml\""), opf);
        assertFalse(opf.contains("item_"), opf);
    }

    @Test
    void giantSlideIsSplitBetweenParagraphs() throws Exception {
        // ~600 KB of paragraphs in one slide of a short article.
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            paragraphs.add(
                    "Giant paragraph " + i + " — “café” & <tags> are text; the quick brown fox jumps over the lazy dog "
                            + "and keeps jumping until the line is long enough, ÅÄÖ ☀ 中文 🙂 ".repeat(2));
        }
        Story base = TestStories.minimal();
        List<Slide> sections = List.of(new Slide(1, "Before", null, null, List.of("A small slide.")),
                new Slide(2, "The giant", null, "DepositPhotos", paragraphs),
                new Slide(3, "After", null, null, List.of("Another small slide.")));
        Story digest = new Story("giant", base.meta(), List.of(), sections,
                List.of(new CreditLine("DepositPhotos", List.of(2))), null);
        long textBytes = paragraphs.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
        assertTrue(textBytes > 550_000, "giant slide: " + textBytes);

        byte[] epub = render(digest);
        Path file = dir.resolve("giant.epub");
        Files.write(file, epub);
        EpubCheckAssert.assertValid(file);
        ArticleLayout layout = ArticleLayout.check(epub, digest);
        assertTrue(layout.files().size() >= 5, "600 KB in files of at most 128 KiB: " + layout.files());
        String last = layout.files().getLast();
        assertEquals(List.of("article.xhtml", "article.xhtml#slide-1", "article.xhtml#slide-2", last + "#slide-3",
                last + "#credits"), layout.tocSrcs(), "continuations are in the spine, not in the contents");
        // Each file is whole XHTML: the slide cut at a file's end goes on, marked, in the
        // next.
        Map<String, byte[]> entries = unzip(epub);
        for (String href : layout.files().subList(1, layout.files().size())) {
            String page = string(entries, "OEBPS/" + href);
            String body = page.substring(page.indexOf("<body"));
            assertTrue(body.substring(body.indexOf('>') + 1).startsWith("\n<section class=\"slide continued\""),
                    href + ": " + body.substring(0, Math.min(300, body.length())));
        }
    }

    @Test
    void giantSlideInAHugeArticleRunsOverFiles() throws Exception {
        Story huge = TestStories.huge(300);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            paragraphs.add("Long paragraph " + i
                    + ": the quick brown fox jumps over the lazy dog, again and again and again.");
        }
        List<Slide> sections = new ArrayList<>(huge.slides());
        sections.set(149, new Slide(150, "Slide number 150", null, null, paragraphs));
        Story digest = new Story("giant-grouped", huge.meta(), huge.intro(), sections, huge.credits(), null);
        byte[] epub = render(digest);
        Path file = dir.resolve("giant-grouped.epub");
        Files.write(file, epub);
        EpubCheckAssert.assertValid(file);
        ArticleLayout layout = ArticleLayout.check(epub, digest);
        String giant = layout.tocSrcs().get(150);
        String after = layout.tocSrcs().get(151);
        assertTrue(giant.endsWith("#slide-150") && after.endsWith("#slide-151"), layout.tocSrcs().toString());
        int giantFile = layout.files().indexOf(giant.substring(0, giant.indexOf('#')));
        int afterFile = layout.files().indexOf(after.substring(0, after.indexOf('#')));
        assertTrue(afterFile >= giantFile + 2, "250 KB of slide 150 take more than one file: " + giant + ", " + after);
    }

    /**
     * A long title (the input allows 6,000 characters: LongFieldsTest) is in every file's
     * head, a long heading in the kept-together opening of its slide: with giant
     * paragraphs after them (in a script of three bytes a character, cut into the largest
     * pieces) no file may still pass the budget.
     */
    @Test
    void longTitleAndHeadingWithGiantParagraphsStayWithinTheBudget() throws Exception {
        String words = "长标题的词语 ".repeat(1000); // 7,000 characters, ~19 KB
        String giant = "这是一个很长的中文段落，用于测试文件大小。 ".repeat(20_000); // ~1.3 MB
        Meta meta = new Meta(words, "Example Desk", null, null, null, null, "zh", List.of());
        Story story = new Story("long-title", meta, List.of(),
                List.of(new Slide(1, words, null, null, List.of("Short.", giant, giant)),
                        new Slide(2, "After", null, null, List.of("Short."))),
                List.of(), null);
        byte[] epub = render(story);
        ArticleLayout.check(epub, story);
        Path file = dir.resolve("long-title.epub");
        Files.write(file, epub);
        EpubCheckAssert.assertValid(file);
    }

    /**
     * A slide whose opening (heading kept with its first paragraph) no longer fits in the
     * file being written starts the next file whole: its section, anchor and heading stay
     * together, where its table of contents entry points.
     */
    @Test
    void slideWhoseOpeningDoesNotFitStartsTheNextFile() throws Exception {
        // slide 1 fills about 115 KB of the first file; slide 2 opens with 30 KB
        String line = "Filler words of the first slide. ".repeat(4).substring(0, 99) + ".";
        assertEquals(100, line.length());
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 1060; i++) {
            first.add(line);
        }
        String opening = "An opening paragraph of thirty kilobytes. ".repeat(720);
        Story base = TestStories.minimal();
        Story story = new Story("opening", base.meta(), List.of(), List.of(new Slide(1, "Filling", null, null, first),
                new Slide(2, "Opening", null, null, List.of(opening, "After."))), List.of(), null);
        byte[] epub = render(story);
        Path file = dir.resolve("opening.epub");
        Files.write(file, epub);
        EpubCheckAssert.assertValid(file);
        ArticleLayout layout = ArticleLayout.check(epub, story);
        assertEquals(List.of("article.xhtml", "article-2.xhtml"), layout.files());
        assertEquals("article-2.xhtml#slide-2", layout.tocSrcs().get(2));
    }

    @Test
    void giantParagraphIsCutIntoParagraphs() throws Exception {
        String word = "Wörter & Zeichen <x> ☀ e\u0301 🙂 ";
        String giant = word.repeat(12_000); // ~370 KB, one paragraph
        Story base = TestStories.minimal();
        Story digest = new Story("giant-paragraph", base.meta(), List.of(),
                List.of(new Slide(1, "One paragraph", null, null, List.of("Before.", giant, "After."))), List.of(),
                null);
        byte[] epub = render(digest);
        Path file = dir.resolve("giant-paragraph.epub");
        Files.write(file, epub);
        EpubCheckAssert.assertValid(file);
        ArticleLayout.check(epub, digest);

        List<String> pieces = TextSizes.pieces(giant, 100_000);
        assertTrue(pieces.size() >= 4, "pieces: " + pieces.size());
        assertEquals(giant, String.join("", pieces));
        for (String piece : pieces) {
            assertTrue(TextSizes.utf8Length(EpubRenderer.esc(piece)) <= 100_000);
            assertTrue(piece.endsWith(" "), "cut after white space");
        }
        // Without white space: cut between grapheme clusters, never inside a surrogate
        // pair or before a mark.
        String dense = "e\u0301🙂&".repeat(20_000);
        List<String> cut = TextSizes.pieces(dense, 50_000);
        assertTrue(cut.size() > 2);
        assertEquals(dense, String.join("", cut));
        for (String piece : cut) {
            assertFalse(Character.isLowSurrogate(piece.charAt(0)) || piece.charAt(0) == '\u0301', "bad cut");
            assertTrue(TextSizes.utf8Length(EpubRenderer.esc(piece)) <= 50_000);
        }
        assertEquals(List.of("short"), TextSizes.pieces("short", 100));
    }

    // ---- helpers
    // -----------------------------------------------------------------------------

    private static boolean xml10(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static String strictUtf8(String name, byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data))
                .toString();
        }
        catch (CharacterCodingException e) {
            return fail(name + " is not UTF-8 text: " + e);
        }
    }

    private byte[] render(Story digest) throws IOException {
        return EpubFiles.render(renderer, digest);
    }

    private Path write(String name, Story digest) throws IOException {
        return EpubFiles.write(renderer, dir, name, digest);
    }

    private static Book read(byte[] epub) throws IOException {
        return EpubFiles.read(epub);
    }

    /** Namespace-aware DOM without fetching the XHTML 1.1 DTD. */
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static List<String> xhtmlNames(Map<String, byte[]> entries) {
        return entries.keySet().stream().filter(n -> n.endsWith(".xhtml")).toList();
    }

    private static String string(Map<String, byte[]> entries, String name) {
        byte[] data = entries.get(name);
        assertNotNull(data, name);
        return new String(data, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] epub) throws IOException {
        return EpubFiles.unzip(epub);
    }

    /** The book with one entry's text changed, re-zipped (mimetype first and stored). */
    private static byte[] edit(byte[] epub, String name, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = unzip(epub);
        entries.put(name, change.apply(string(entries, name)).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
