package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.documentnode.epub4j.domain.TOCReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubRendererTest {

    /**
     * A fixed clock: the same story gives the same bytes, even across a second's turn.
     */
    private final EpubRenderer renderer = new EpubRenderer(
            java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T05:00:00Z"), java.time.ZoneOffset.UTC));

    @TempDir
    Path dir;

    // ---- EPUBCheck
    // ---------------------------------------------------------------------------

    @Test
    void harbourTownsPassesEpubCheck() throws IOException {
        EpubCheckAssert.assertValid(write("harbour", TestStories.harbourTowns()));
    }

    @Test
    void minimalPassesEpubCheck() throws IOException {
        EpubCheckAssert.assertValid(write("minimal", TestStories.minimal()));
    }

    @Test
    void hostileTextPassesEpubCheck() throws IOException {
        EpubCheckAssert.assertValid(write("hostile", TestStories.hostileText()));
    }

    @Test
    void epubCheckAssertRejectsABrokenBook() throws IOException {
        // The helper must be able to fail: an unclosed element makes the page not
        // well-formed.
        byte[] good = render(TestStories.minimal());
        Map<String, byte[]> entries = unzip(good);
        String page = new String(entries.get("OEBPS/article.xhtml"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<p>Divide"), page);
        entries.put("OEBPS/article.xhtml", page.replace("<p>Divide", "<p><b>Divide").getBytes(StandardCharsets.UTF_8));
        Path broken = dir.resolve("broken.epub");
        Files.write(broken, rezip(entries));
        EpubCheckAssert.Result result = EpubCheckAssert.check(broken);
        assertFalse(result.clean(), result.toString());
        assertTrue(result.messages().stream().anyMatch(m -> m.contains("article.xhtml")), result.toString());
    }

    // ---- content, read back
    // ------------------------------------------------------------------

    @Test
    void harbourTownsMetadata() throws IOException {
        byte[] first = render(TestStories.harbourTowns());
        byte[] second = render(TestStories.harbourTowns());
        Book book = read(first);
        var md = book.getMetadata();

        assertEquals("Five Harbour Towns to Visit in Winter", md.getFirstTitle());
        assertEquals("en", md.getLanguage());
        Identifier id = Identifier.getBookIdIdentifier(md.getIdentifiers());
        assertNotNull(id);
        assertTrue(
                id.getValue().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                id.getValue());
        assertEquals(dev.articleexporter.model.BookIdentifier.article("five-harbour-towns-to-visit-in-winter"),
                id.getValue());
        assertArrayEquals(id.getValue().getBytes(StandardCharsets.UTF_8),
                Identifier.getBookIdIdentifier(read(second).getMetadata().getIdentifiers())
                    .getValue()
                    .getBytes(StandardCharsets.UTF_8),
                "identifier stable across renders");
        assertNotEquals(id.getValue(),
                dev.articleexporter.model.BookIdentifier.article("three-questions-before-you-refinance"));

        assertEquals(1, md.getDates().size());
        // Published.w3cdtf() drops zero seconds ("2026-11-20T07:30Z"); both forms are
        // valid W3CDTF.
        String date = TestStories.harbourTowns().meta().published().w3cdtf();
        assertTrue(date.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z") && date.startsWith("2026-11-20T07:30"),
                date);
        assertEquals(date, md.getDates().getFirst().getValue());
        assertEquals(List.of("Example Travel Desk"), md.getPublishers());
        assertEquals(1, md.getAuthors().size());
        assertEquals("Travel Desk Staff",
                (md.getAuthors().getFirst().getFirstname() + " " + md.getAuthors().getFirst().getLastname()).strip());
        assertEquals(List.of("Travel"), md.getSubjects());
        assertEquals(List.of("Quiet quays, cheap rooms and fresh fish: winter is the best season for a harbour town."),
                md.getDescriptions());

        String opf = entry(first, "OEBPS/content.opf");
        assertTrue(opf.contains("<dc:date>" + date + "</dc:date>"), opf);
        assertTrue(opf.matches("(?s).*<meta property=\"dcterms:modified\">\\d{4}-\\d\\d-\\d\\dT00:00:00Z</meta>.*"),
                opf);
        String ncx = entry(first, "OEBPS/toc.ncx");
        assertTrue(ncx.contains("name=\"dtb:uid\" content=\"" + id.getValue() + "\""), ncx);
    }

    @Test
    void harbourTownsTableOfContentsAndSpine() throws IOException {
        Book book = read(render(TestStories.harbourTowns()));
        List<TOCReference> toc = book.getTableOfContents().getTocReferences();
        // The reading list's items have no web address: left out, so no "More from"
        // entry.
        assertEquals(List.of("Five Harbour Towns to Visit in Winter", "Dawn on the Quay", "The Old Bridge",
                "Where to Eat", "Getting There", "Photo credits"), toc.stream().map(TOCReference::getTitle).toList());
        List<String> spine = book.getSpine()
            .getSpineReferences()
            .stream()
            .map(SpineReference::getResource)
            .map(Resource::getHref)
            .toList();
        assertEquals(List.of("article.xhtml"), spine, "one document that flows: no page per slide");
        assertEquals(
                List.of("article.xhtml", "article.xhtml#slide-1", "article.xhtml#slide-2", "article.xhtml#slide-3",
                        "article.xhtml#slide-4", "article.xhtml#credits"),
                toc.stream().map(TOCReference::getCompleteHref).toList(), "ToC in reading order, at each anchor");
        String article = text(book, "article.xhtml");
        for (int i = 1; i <= 4; i++) {
            String heading = toc.get(i).getTitle();
            assertTrue(article.contains("<section class=\"slide\" id=\"slide-" + i
                    + "\" epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"slide-" + i + "-h\">\n"
                    + "<div class=\"keep\">\n<h2 id=\"slide-" + i + "-h\">" + heading + "</h2>"), heading);
        }
        assertTrue(article.indexOf("Dawn on the Quay") < article.indexOf("The Old Bridge")
                && article.indexOf("Getting There") < article.indexOf("Photo credits"), "reading order");
        assertEquals("article.xhtml", book.getGuide().getReferences().getFirst().getResource().getHref());
    }

    @Test
    void harbourTownsImagesAndPlaceholders() throws IOException {
        byte[] epub = render(TestStories.harbourTowns());
        Book book = read(epub);
        var images = book.getResources().getResourcesByMediaType(MediaTypes.PNG);
        assertEquals(List.of("images/slide-01.png", "images/slide-02.png"),
                images.stream().map(Resource::getHref).sorted().toList());
        assertArrayEquals(TestStories.harbourTowns().slides().getFirst().picture().data().bytes(),
                book.getResources().getByHref("images/slide-01.png").getData());
        assertTrue(entry(epub, "OEBPS/content.opf").contains("href=\"images/slide-02.png\" media-type=\"image/png\""));

        String article = text(book, "article.xhtml");
        String slide1 = slide(article, 1);
        assertTrue(
                slide1.contains(
                        "<figure class=\"figure\">\n<img src=\"images/slide-01.png\" alt=\"Fishing boats at dawn\"/>\n"
                                + "<figcaption class=\"credit\">Photo: Example Travel Desk</figcaption>\n</figure>\n"
                                + "<p>Boats leave before sunrise &amp; return by noon.</p>\n</div>"),
                "figure and credit kept with the first paragraph: " + slide1);
        assertTrue(
                slide(article, 2).contains("<img src=\"images/slide-02.png\" alt=\"A stone bridge over a river\"/>"));

        String slide3 = slide(article, 3);
        assertFalse(slide3.contains("<img") || slide3.contains("[Image:") || slide3.contains("credit"), slide3);

        String slide4 = slide(article, 4);
        assertTrue(slide4.contains("[Image: A train]"), slide4);
        assertFalse(slide4.contains("<img"), slide4);
        assertTrue(slide4.contains("Photo: Rail Archive"), slide4);
    }

    @Test
    void harbourTownsTitleAndClosingPages() throws IOException {
        Book book = read(render(TestStories.harbourTowns()));
        String title = text(book, "article.xhtml");
        assertTrue(title.contains("<h1 id=\"title\" class=\"title\">Five Harbour Towns to Visit in Winter</h1>"),
                title);
        assertTrue(title.contains("Example Travel Desk · Travel · 20 November 2026"), title);
        assertTrue(title.contains("<p class=\"author\">Travel Desk Staff</p>"), title);
        assertTrue(title.contains("<a href=\"https://example.com/travel/harbour-towns\">"), title);
        assertTrue(title.contains("winter is the best season for a harbour town."), title);

        String closing = title.substring(title.indexOf("<section class=\"credits\""));
        assertFalse(title.contains("More from Example Travel Desk"), "no web address, not in the book: " + title);
        assertFalse(title.contains("Ten Winter Soups Worth the Trip"), title);
        assertTrue(closing.contains("<h2 id=\"credits-h\">Photo credits</h2>"), closing);
        assertTrue(closing.contains("<li>Example Travel Desk — slides 1, 2</li>"), closing);
        assertTrue(closing.contains("<li>Rail Archive — slide 4</li>"), closing);
    }

    @Test
    void everyPageIsXhtml5WithLanguageAndStylesheet() throws IOException {
        Book book = read(render(TestStories.harbourTowns()));
        List<Resource> pages = book.getResources().getResourcesByMediaType(MediaTypes.XHTML);
        // the article and the navigation document
        assertEquals(2, pages.size());
        for (Resource page : pages) {
            String x = new String(page.getData(), StandardCharsets.UTF_8);
            assertAll(page.getHref(), () -> assertTrue(x.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")),
                    () -> assertTrue(x.contains("<!DOCTYPE html>")),
                    () -> assertTrue(x.contains(
                            "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"en\" lang=\"en\">")),
                    () -> assertTrue(x.contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>")),
                    () -> assertTrue(x.matches("(?s).*<title>[^<]+</title>.*")));
        }
        String css = new String(book.getResources().getByHref("style.css").getData(), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("\\d\\s*px").matcher(css).find(), "no px sizes");
        assertTrue(css.contains("hyphens: auto") && css.contains("-webkit-hyphens: auto")
                && css.contains("max-width: 100%"));
        Matcher colors = Pattern.compile("(?<![-\\w])color\\s*:\\s*([^;}]+)").matcher(css);
        while (colors.find()) {
            assertEquals("inherit", colors.group(1).strip(), "text stays black on e-ink: " + colors.group());
        }
        assertFalse(css.contains("page-break-before") || css.contains("break-before"), "no forced page: " + css);
    }

    @Test
    void minimalHasNoOptionalMetadataAndNoRelatedSection() throws IOException {
        byte[] epub = render(TestStories.minimal());
        Book book = read(epub);
        var md = book.getMetadata();
        assertTrue(md.getDates().isEmpty());
        assertTrue(md.getAuthors().isEmpty());
        assertTrue(md.getPublishers().isEmpty());
        assertEquals(List.of("Three Questions Before You Refinance", "What Is the Break-Even Point?", "Photo credits"),
                book.getTableOfContents().getTocReferences().stream().map(TOCReference::getTitle).toList());
        String article = text(book, "article.xhtml");
        assertTrue(article.contains("<li>DepositPhotos — slide 1</li>"), article);
        // Slide 1 is credited but shows no picture: the credit names nothing there, it is
        // in the photo credits only.
        assertFalse(slide(article, 1).contains("Photo:"), article);
        assertFalse(article.contains("<ul class=\"related\">"), article);
        assertFalse(article.contains("class=\"byline\""));
    }

    @Test
    void hostileTextStaysText() throws IOException {
        byte[] epub = render(TestStories.hostileText());
        Map<String, byte[]> entries = unzip(epub);
        StringBuilder all = new StringBuilder();
        for (var e : entries.entrySet()) {
            if (e.getKey().endsWith(".xhtml")) {
                String x = new String(e.getValue(), StandardCharsets.UTF_8);
                assertFalse(x.toLowerCase().contains("<script"), e.getKey() + ": " + x);
                assertFalse(x.contains("<img src=x"), e.getKey());
                assertFalse(x.contains("<b>"), e.getKey());
                all.append(x);
            }
        }
        String slide = new String(entries.get("OEBPS/article.xhtml"), StandardCharsets.UTF_8);
        assertTrue(slide.contains(
                "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; ]]&gt; &lt;!-- c --&gt; “quotes” — 5 &lt; 6"),
                slide);
        assertTrue(slide.contains("[Image: &lt;script&gt;"), slide);
        assertTrue(all.toString().contains("<a href=\"https://example.com/a?b=1&amp;c=%3C2%3E\">&lt;script&gt;"),
                all.toString());
        String opf = new String(entries.get("OEBPS/content.opf"), StandardCharsets.UTF_8);
        assertFalse(opf.contains("<script"), opf);
        assertTrue(opf.contains("&lt;script&gt;"), opf);
        assertEquals(TestStories.hostileText().meta().title(), read(epub).getMetadata().getFirstTitle());
    }

    @Test
    void controlCharactersAndAstralTextSurvive() throws IOException {
        Story base = TestStories.minimal();
        var meta = new dev.articleexporter.model.Meta("Bell\u0007 and \uD83D\uDE00 smile", null, null, null, null, null,
                "de-CH", List.of());
        var section = new dev.articleexporter.model.Slide(1, "Null\u0000 byte \uD800 lone", null, null,
                List.of("Form\u000Cfeed \uD83D\uDE00"));
        Story odd = new Story("odd", meta, List.of(), List.of(section), List.of(), null);
        Path file = dir.resolve("odd.epub");
        Files.write(file, render(odd));
        EpubCheckAssert.assertValid(file);
        Book book = read(Files.readAllBytes(file));
        assertEquals("Bell and \uD83D\uDE00 smile", book.getMetadata().getFirstTitle());
        assertEquals("de-CH", book.getMetadata().getLanguage());
        assertTrue(text(book, "article.xhtml").contains("<p>Formfeed \uD83D\uDE00</p>"));
        assertTrue(text(book, "article.xhtml").contains("xml:lang=\"de-CH\" lang=\"de-CH\""));
        assertEquals(2, book.getTableOfContents().getTocReferences().size(), "no credits or reading list entry");
        assertNotNull(base);
    }

    @Test
    void doesNotCloseTheCallersStream() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        renderer.render(TestStories.harbourTowns(), out);
        assertFalse(closed.get(), "caller's stream closed");
        Book book = read(sink.toByteArray());
        assertEquals(2, book.getResources().getResourcesByMediaType(MediaTypes.PNG).size());
        assertEquals(1, book.getSpine().size());
        String mimetype = new String(sink.toByteArray(), 30, 28, StandardCharsets.US_ASCII);
        assertEquals("mimetypeapplication/epub+zip", mimetype);
    }

    @Test
    void sameBytesFromTwoThreadsAtOnce() throws Exception {
        byte[] expected = render(TestStories.harbourTowns());
        assertArrayEquals(expected, render(TestStories.harbourTowns()), "output is reproducible");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
            for (int i = 0; i < 40; i++) {
                Story digest = i % 2 == 0 ? TestStories.harbourTowns() : TestStories.minimal();
                futures.add(pool.submit(() -> render(digest)));
            }
            byte[] minimal = render(TestStories.minimal());
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(i % 2 == 0 ? expected : minimal, futures.get(i).get(), "render " + i);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hrefsOnlyForWebUrls() {
        assertEquals("https://example.com/a%20b?q=%C3%A9", Hrefs.web(" https://example.com/a b?q=é "));
        assertEquals("HTTP://example.com/%25zz%41", Hrefs.web("HTTP://example.com/%zz%41"));
        assertEquals(null, Hrefs.web("javascript:alert(1)"));
        assertEquals(null, Hrefs.web("ftp://example.com/x"));
        assertEquals(null, Hrefs.web("https:///nohost"));
        assertEquals(null, Hrefs.web(null));
    }

    // ---- helpers
    // -----------------------------------------------------------------------------

    private byte[] render(Story digest) throws IOException {
        return EpubFiles.render(renderer, digest);
    }

    private Path write(String name, Story digest) throws IOException {
        return EpubFiles.write(renderer, dir, name, digest);
    }

    private static Book read(byte[] epub) throws IOException {
        return EpubFiles.read(epub);
    }

    /** The markup of slide {@code n}'s section. */
    private static String slide(String article, int n) {
        int start = article.indexOf("<section class=\"slide\" id=\"slide-" + n + "\"");
        assertTrue(start >= 0, "no slide " + n);
        return article.substring(start, article.indexOf("</section>", start));
    }

    private static String text(Book book, String href) throws IOException {
        Resource r = book.getResources().getByHref(href);
        assertNotNull(r, href);
        return new String(r.getData(), StandardCharsets.UTF_8);
    }

    private static String entry(byte[] epub, String name) throws IOException {
        byte[] data = unzip(epub).get(name);
        assertNotNull(data, name);
        return new String(data, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] epub) throws IOException {
        return EpubFiles.unzip(epub);
    }

    private static byte[] rezip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    var crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
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
