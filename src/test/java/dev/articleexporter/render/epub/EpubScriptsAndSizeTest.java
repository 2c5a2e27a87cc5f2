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
import io.documentnode.epub4j.domain.SpineReference;
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
 * split over files.
 */
class EpubScriptsAndSizeTest {

    /**
     * No XHTML file may be larger than this (uncompressed); the renderer aims at
     * {@link SlideFiles#FILE_BUDGET}.
     */
    private static final int MAX_FILE_BYTES = 250_000;

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private static final String NCX_NS = "http://www.daisy.org/z3986/2005/ncx/";

    private final EpubRenderer renderer = new EpubRenderer();

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
        assertEquals(
                List.of("OEBPS/closing.xhtml", "OEBPS/slide-001.xhtml", "OEBPS/slide-002.xhtml", "OEBPS/title.xhtml"),
                pages.stream().sorted().toList());
        for (String name : pages) {
            Document page = parse(entries.get(name));
            Element html = page.getDocumentElement();
            assertEquals("rtl", html.getAttribute("dir"), name);
            assertEquals("ar", html.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"), name);
            assertEquals("ar", html.getAttribute("lang"), name);
            assertEquals("rtl", ((Element) page.getElementsByTagNameNS(XHTML_NS, "body").item(0)).getAttribute("dir"),
                    name);
        }
        String slide1 = string(entries, "OEBPS/slide-001.xhtml");
        // Hebrew in an Arabic article runs the same way: it inherits the page's
        // direction.
        assertTrue(slide1.contains("<p>ציטוט בעברית: שלום.</p>"), slide1);
        assertTrue(slide1.contains("<h2>نهاية المبررات</h2>"), slide1);

        String opf = string(entries, "OEBPS/content.opf");
        assertTrue(opf.contains("<dc:language>ar</dc:language>"), opf);
        // No page-progression-direction: it is an EPUB 3 attribute, and EPUBCheck 5.3.0
        // rejects it in an
        // EPUB 2.0.1 package (RSC-005 "attribute page-progression-direction not allowed
        // here"), see
        // pageProgressionDirectionIsNotValidInEpub2(). Readers take the direction from
        // dir="rtl".
        assertFalse(opf.contains("page-progression-direction"), opf);

        String css = string(entries, "OEBPS/style.css");
        assertTrue(css.contains("[dir=\"rtl\"] h1, [dir=\"rtl\"] h2"),
                "headings are aligned left for LTR only: " + css);
    }

    @Test
    void pageProgressionDirectionIsNotValidInEpub2() throws Exception {
        // Why the renderer leaves it out: if this ever passes, EPUBCheck accepts it and
        // the OPF could declare it.
        byte[] epub = render(TestStories.arabic());
        Path edited = dir.resolve("ppd.epub");
        Files.write(edited, edit(epub, "OEBPS/content.opf", opf -> opf.replace("<opf:spine toc=\"ncx\"",
                "<opf:spine toc=\"ncx\" page-progression-direction=\"rtl\"")));
        assertTrue(
                string(unzip(Files.readAllBytes(edited)), "OEBPS/content.opf").contains("page-progression-direction"));
        EpubCheckAssert.Result result = EpubCheckAssert.check(edited);
        assertFalse(result.clean(), result.toString());
        assertTrue(result.toString().contains("page-progression-direction"), result.toString());
    }

    @Test
    void dirAutoIsNotValidXhtml11() throws Exception {
        // Why paragraphs get an explicit dir="rtl"/"ltr" decided here rather than
        // dir="auto".
        byte[] epub = render(TestStories.everyScript());
        Path edited = dir.resolve("auto.epub");
        Files.write(edited, edit(epub, "OEBPS/slide-001.xhtml", x -> x.replace("<p>", "<p dir=\"auto\">")));
        EpubCheckAssert.Result result = EpubCheckAssert.check(edited);
        assertFalse(result.clean(), result.toString());
        assertTrue(result.toString().contains("\"dir\""), result.toString());
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
        String title = string(entries, "OEBPS/title.xhtml");
        assertTrue(
                title.contains("<h1 class=\"title\">Every Script: Ελληνικά, Русский, العربية, עברית, 中文, 日本語 ✓</h1>"),
                title);
        assertEquals(TestStories.everyScript().meta().title(),
                read(Files.readAllBytes(file)).getMetadata().getFirstTitle());
    }

    @Test
    void leftToRightParagraphInARightToLeftArticle() throws Exception {
        Story arabic = TestStories.arabic();
        Slide mixed = new Slide(1, "Breaking: عاجل", null, null,
                List.of("قال السوداني", "The minister said so in English.", "2014"));
        Story digest = new Story("mixed", arabic.meta(), arabic.intro(), List.of(mixed), List.of(), null);
        Path file = write("mixed", digest);
        EpubCheckAssert.assertValid(file);
        String slide = string(unzip(Files.readAllBytes(file)), "OEBPS/slide-001.xhtml");
        assertTrue(slide.contains("<h2 dir=\"ltr\">Breaking: عاجل</h2>"), slide);
        assertTrue(slide.contains("<p>قال السوداني</p>"), slide);
        assertTrue(slide.contains("<p dir=\"ltr\">The minister said so in English.</p>"), slide);
        assertTrue(slide.contains("<p>2014</p>"), slide);
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
        assertEquals(List.of("Title with bad chars", "Heading one", "Second", "More from"),
                book.getTableOfContents().getTocReferences().stream().map(r -> r.getTitle()).toList());
        String ncx = string(entries, "OEBPS/toc.ncx");
        assertTrue(ncx.contains("<text>Title with bad chars</text>"), ncx);
        String slide1 = string(entries, "OEBPS/slide-001.xhtml");
        assertTrue(slide1.contains("<p>Paragraph with lone</p>"), slide1);
        assertTrue(slide1.contains("<p class=\"credit\">Photo: Credit</p>"), slide1);
        assertFalse(slide1.contains("<p></p>"), "a paragraph of nothing but such characters is left out: " + slide1);
        assertTrue(string(entries, "OEBPS/slide-002.xhtml").contains("ok \uD83D\uDE00 still"), "pairs survive");
    }

    // ---- very long articles
    // ------------------------------------------------------------------

    @Test
    void hugeArticleIsGroupedIntoParts() throws Exception {
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

        Layout layout = checkLayout(epub, huge);
        assertTrue(layout.slideFiles.size() >= 3 && layout.slideFiles.size() <= 40,
                "a few parts, not thousands: " + layout.slideFiles);
        assertTrue(layout.slideFiles.stream().allMatch(f -> f.matches("part-\\d{3}\\.xhtml")),
                layout.slideFiles.toString());
        assertEquals("part-003.xhtml", layout.slideFiles.get(2));
        Matcher third = Pattern.compile("part-003\\.xhtml#slide-(\\d+)").matcher(String.join(" ", layout.tocSrcs));
        assertTrue(third.find(), "slides in part 3");
        // Each part is in the book once, under its own id (adding it once per slide made
        // epub4j rename it item_N).
        String opf = new String(unzip(epub).get("OEBPS/content.opf"), StandardCharsets.UTF_8);
        assertTrue(opf.contains("id=\"part3\" href=\"part-003.xhtml\""), opf);
        assertFalse(opf.contains("item_"), opf);
    }

    @Test
    void giantSlideIsSplitBetweenParagraphs() throws Exception {
        // ~600 KB of paragraphs in one slide of a short article (one file per slide).
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
        Layout layout = checkLayout(epub, digest);
        assertEquals("slide-001.xhtml", layout.slideFiles.getFirst());
        assertEquals("slide-002.xhtml", layout.slideFiles.get(1));
        assertEquals("slide-002-2.xhtml", layout.slideFiles.get(2));
        assertEquals("slide-003.xhtml", layout.slideFiles.getLast());
        assertTrue(layout.slideFiles.size() >= 7, "600 KB in files of at most 128 KiB: " + layout.slideFiles);
        assertEquals(List.of("title.xhtml", "slide-001.xhtml", "slide-002.xhtml", "slide-003.xhtml", "closing.xhtml"),
                layout.tocSrcs, "continuations are in the spine, not in the contents");
    }

    @Test
    void giantSlideInAGroupedArticle() throws Exception {
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
        Layout layout = checkLayout(epub, digest);
        assertTrue(layout.tocSrcs.contains("part-002.xhtml#slide-150"),
                "the giant slide starts a new part: " + layout.tocSrcs);
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
        checkLayout(epub, digest);

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

    // ---- layout checks
    // -----------------------------------------------------------------------

    /**
     * Files holding slides (spine order, without title and closing page) and the NCX
     * targets, in order.
     */
    private record Layout(List<String> slideFiles, List<String> tocSrcs) {
    }

    /**
     * Checks what every split book must satisfy: no XHTML file over the limit; spine =
     * title page, slide files, closing page; the NCX lists the title page, every slide
     * (in order, each target anchor present in its file) and the closing page, in spine
     * order with rising playOrder; all paragraphs appear once, in reading order, as the
     * digest has them.
     */
    private Layout checkLayout(byte[] epub, Story digest) throws Exception {
        Map<String, byte[]> entries = unzip(epub);
        for (String name : xhtmlNames(entries)) {
            int size = entries.get(name).length;
            assertTrue(size <= MAX_FILE_BYTES, name + " is " + size + " bytes");
        }
        Book book = read(epub);
        List<String> spine = book.getSpine()
            .getSpineReferences()
            .stream()
            .map(SpineReference::getResource)
            .map(r -> r.getHref())
            .toList();
        assertEquals(spine.size(), xhtmlNames(entries).size(), "every page is in the spine once");
        assertEquals("title.xhtml", spine.getFirst());
        boolean closing = !digest.credits().isEmpty() || digest.related() != null;
        assertEquals(closing, spine.getLast().equals("closing.xhtml"));
        List<String> slideFiles = spine.subList(1, spine.size() - (closing ? 1 : 0));

        Document ncx = parse(entries.get("OEBPS/toc.ncx"));
        NodeList navPoints = ncx.getElementsByTagNameNS(NCX_NS, "navPoint");
        int slides = digest.slides().size();
        assertEquals(slides + 1 + (closing ? 1 : 0), navPoints.getLength(), "title page, every slide, closing page");
        List<String> srcs = new ArrayList<>();
        int lastSpineIndex = -1;
        int lastPlayOrder = 0;
        for (int i = 0; i < navPoints.getLength(); i++) {
            Element navPoint = (Element) navPoints.item(i);
            int playOrder = Integer.parseInt(navPoint.getAttribute("playOrder"));
            assertTrue(playOrder > lastPlayOrder, "playOrder rises");
            lastPlayOrder = playOrder;
            String label = navPoint.getElementsByTagNameNS(NCX_NS, "text").item(0).getTextContent();
            String src = ((Element) navPoint.getElementsByTagNameNS(NCX_NS, "content").item(0)).getAttribute("src");
            srcs.add(src);
            String href = src.contains("#") ? src.substring(0, src.indexOf('#')) : src;
            int spineIndex = spine.indexOf(href);
            assertTrue(spineIndex >= lastSpineIndex, src + " out of reading order");
            lastSpineIndex = spineIndex;
            if (i >= 1 && i <= slides) {
                Slide section = digest.slides().get(i - 1);
                assertEquals(EpubRenderer.plain(section.heading()), label);
                String xhtml = string(entries, "OEBPS/" + href);
                if (src.contains("#")) {
                    String anchor = src.substring(src.indexOf('#') + 1);
                    assertEquals("slide-" + section.number(), anchor);
                    assertTrue(xhtml.contains("<h2 id=\"" + anchor + "\""), src + ": anchor missing");
                }
                else {
                    assertTrue(xhtml.contains("<h2>" + EpubRenderer.esc(section.heading()) + "</h2>"), src);
                }
            }
        }
        assertEquals("title.xhtml", srcs.getFirst());

        // Reading order: the paragraphs of all slide files, parsed, are the digest's
        // paragraphs (giant ones in pieces).
        List<String> read = new ArrayList<>();
        for (String href : slideFiles) {
            NodeList ps = parse(entries.get("OEBPS/" + href)).getElementsByTagNameNS(XHTML_NS, "p");
            for (int i = 0; i < ps.getLength(); i++) {
                Element p = (Element) ps.item(i);
                if (p.getAttribute("class").isEmpty()) {
                    read.add(p.getTextContent());
                }
            }
        }
        List<String> expected = digest.slides().stream().flatMap(s -> s.paragraphs().stream()).toList();
        assertEquals(String.join("\n", expected), joinPieces(read, expected), "paragraphs in reading order");
        return new Layout(List.copyOf(slideFiles), srcs);
    }

    /**
     * Re-joins paragraphs that were cut into pieces, so the read text can be compared
     * with the digest's.
     */
    private static String joinPieces(List<String> read, List<String> expected) {
        StringBuilder out = new StringBuilder();
        int r = 0;
        for (String paragraph : expected) {
            StringBuilder joined = new StringBuilder();
            while (r < read.size() && joined.length() < paragraph.length()) {
                joined.append(read.get(r++));
            }
            out.append(out.isEmpty() ? "" : "\n").append(joined);
        }
        while (r < read.size()) {
            out.append("\nEXTRA ").append(read.get(r++));
        }
        return out.toString();
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
