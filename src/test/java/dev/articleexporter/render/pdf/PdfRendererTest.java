package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.render.OutputFormat;
import dev.articleexporter.testing.PdfReadBack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PdfRendererTest {

    private static final PdfRenderer A4 = new PdfRenderer();

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    // ---------------------------------------------------------------- harbourTowns

    @Test
    void harbourTownsTextHasTitleHeadingsParagraphsCreditsRelatedAndPlaceholder() throws IOException {
        Story d = TestStories.harbourTowns();
        try (PDDocument pdf = load(render(A4, d))) {
            String text = normalise(text(pdf));
            assertContains(text, d.meta().title());
            assertContains(text, "Example Travel Desk");
            assertContains(text, "20 November 2026");
            assertContains(text, "Travel Desk Staff");
            assertContains(text, "https://example.com/travel/harbour-towns");
            for (String p : d.intro()) {
                assertContains(text, p);
            }
            for (Slide s : d.slides()) {
                assertContains(text, s.heading());
                for (String p : s.paragraphs()) {
                    assertContains(text, p);
                }
            }
            assertContains(text, "Photo: Example Travel Desk");
            assertContains(text, "Photo: Rail Archive");
            assertContains(text, "More from Example Travel Desk");
            assertContains(text, "Ten Winter Soups Worth the Trip");
            assertContains(text, "[Image: A train]");
            assertContains(text, "Photo credits");
            assertContains(text, "Example Travel Desk — slides 1, 2");
            assertContains(text, "Rail Archive — slide 4");
            // the slide without a picture gets no placeholder, and alt text of embedded
            // pictures is not printed
            assertFalse(text.contains("[Image: Fishing boats"), text);
        }
    }

    @Test
    void harbourTownsOutlineHasOneEntryPerSlideInOrderPointingAtTheHeadingsPage() throws IOException {
        Story d = TestStories.harbourTowns();
        try (PDDocument pdf = load(render(A4, d))) {
            assertOutlineMatchesSections(pdf, d);
        }
    }

    @Test
    void harbourTownsMetadataAndLanguage() throws IOException {
        try (PDDocument pdf = load(render(A4, TestStories.harbourTowns()))) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertEquals("Five Harbour Towns to Visit in Winter", info.getTitle());
            assertEquals("Travel Desk Staff", info.getAuthor());
            assertEquals("Quiet quays, cheap rooms and fresh fish: winter is the best season for a harbour town.",
                    info.getSubject());
            assertEquals("Travel, Example Travel Desk", info.getKeywords());
            assertEquals("article-exporter", info.getCreator());
            assertEquals("en", pdf.getDocumentCatalog().getLanguage());
            // viewers show the title, not the file name (issue 13)
            var preferences = pdf.getDocumentCatalog().getViewerPreferences();
            assertTrue(preferences != null && preferences.displayDocTitle(), "DisplayDocTitle");
        }
    }

    @Test
    void everyFontOnEveryPageIncludingTheFooterIsEmbeddedAndNotStandard14() throws IOException {
        for (Story d : List.of(TestStories.harbourTowns(), TestStories.minimal(), TestStories.hostileText(),
                LongDigest.build())) {
            try (PDDocument pdf = load(render(A4, d))) {
                List<PDFont> fonts = PdfReadBack.allFonts(pdf);
                assertTrue(fonts.size() >= 3, "expected sans, sans bold and serif at least, got " + fonts.size());
                for (PDFont font : fonts) {
                    assertTrue(font.isEmbedded(), font.getName() + " not embedded in " + d.id());
                    assertFalse(font.isStandard14(), font.getName() + " is a standard-14 font in " + d.id());
                    assertTrue(font.getName().contains("Liberation"), font.getName());
                }
            }
        }
    }

    @Test
    void harbourTownsEmbedsBothPngsAsImageXObjects() throws IOException {
        try (PDDocument pdf = load(render(A4, TestStories.harbourTowns()))) {
            List<int[]> sizes = new ArrayList<>();
            Set<COSBase> seen = new HashSet<>();
            for (PDPage page : pdf.getPages()) {
                collectImages(page.getResources(), sizes, seen);
            }
            assertEquals(2, sizes.size(), "image XObjects");
            List<String> dims = sizes.stream().map(s -> s[0] + "x" + s[1]).sorted().toList();
            assertEquals(List.of("480x320", "640x360"), dims);
        }
    }

    @Test
    void footerShowsPageXOfYOnEveryPage() throws IOException {
        for (Story d : List.of(TestStories.harbourTowns(), LongDigest.build())) {
            try (PDDocument pdf = load(render(A4, d))) {
                int pages = pdf.getNumberOfPages();
                for (int i = 1; i <= pages; i++) {
                    String pageText = pageText(pdf, i);
                    Matcher m = Pattern.compile("page (\\d+) of\\s*(\\d+)").matcher(pageText);
                    assertTrue(m.find(), "no footer on page " + i + ": " + pageText);
                    assertEquals(i, Integer.parseInt(m.group(1)), "page number on page " + i);
                    assertEquals(pages, Integer.parseInt(m.group(2)), "total on page " + i);
                }
            }
        }
    }

    @Test
    void sourceUrlIsAClickableLink() throws IOException {
        try (PDDocument pdf = load(render(A4, TestStories.harbourTowns()))) {
            assertTrue(linkUris(pdf).contains("https://example.com/travel/harbour-towns"), linkUris(pdf).toString());
        }
    }

    // ---------------------------------------------------------------- long article

    @Test
    void longArticleSpansPagesWithCorrectBookmarksLinksAndCredits() throws IOException {
        Story d = LongDigest.build();
        try (PDDocument pdf = load(render(A4, d))) {
            assertTrue(pdf.getNumberOfPages() >= 4, "pages: " + pdf.getNumberOfPages());
            assertOutlineMatchesSections(pdf, d);
            String text = normalise(text(pdf));
            assertContains(text, "DepositPhotos — slides 2–7, 9–17");
            assertContains(text, "Rail Archive — slide 8");
            assertContains(text, "[Image: A lighthouse in the fog]");
            List<String> uris = linkUris(pdf);
            assertTrue(uris.contains("https://example.com/food/winter-soups"), uris.toString());
            assertTrue(uris.contains("https://example.com/travel/coastal-walks"), uris.toString());
            assertEquals(3, uris.size(), "source url + 2 related links: " + uris);
            // no heading is the last text line above the footer of a page
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                List<String> lines = pageText(pdf, i).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                // the footer is the last line
                String lastBodyLine = lines.get(lines.size() - 2);
                for (Slide s : d.slides()) {
                    assertFalse(lastBodyLine.endsWith(s.heading()), "heading alone at the bottom of page " + i);
                }
            }
        }
    }

    // ---------------------------------------------------------------- minimal and
    // hostile

    @Test
    void minimalRendersWithoutOptionalFields() throws IOException {
        Story d = TestStories.minimal();
        try (PDDocument pdf = load(render(A4, d))) {
            assertEquals(1, pdf.getNumberOfPages());
            assertOutlineMatchesSections(pdf, d);
            String text = normalise(text(pdf));
            assertContains(text, "Three Questions Before You Refinance");
            assertContains(text, "What Is the Break-Even Point?");
            // credit without a picture still shows
            assertContains(text, "Photo: DepositPhotos");
            assertContains(text, "page 1 of 1");
            assertFalse(text.contains("null"), text);
            assertFalse(text.contains("By "), text);
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertEquals("Three Questions Before You Refinance", info.getTitle());
            assertNull(info.getAuthor());
            assertTrue(linkUris(pdf).isEmpty());
        }
    }

    @Test
    void hostileTextComesOutLiterally() throws IOException {
        Story d = TestStories.hostileText();
        try (PDDocument pdf = load(render(A4, d))) {
            String text = normalise(text(pdf));
            assertContains(text, "<script>alert('x')</script>");
            assertContains(text, "<img src=x onerror=alert(1)>");
            assertContains(text, "“quotes” — 5 < 6");
            assertContains(text, "[Image: <script>alert('x')</script>");
            assertContains(text, "By A \"quoted\" author");
            assertEquals(d.meta().title(), pdf.getDocumentInformation().getTitle());
            assertEquals("A \"quoted\" author", pdf.getDocumentInformation().getAuthor());
            assertEquals("a&b", pdf.getDocumentInformation().getKeywords());
            assertEquals("1. " + d.meta().title(),
                    pdf.getDocumentCatalog().getDocumentOutline().getFirstChild().getTitle());
            assertTrue(linkUris(pdf).contains("https://example.com/a?b=1&c=<2>"), linkUris(pdf).toString());
        }
    }

    // ---------------------------------------------------------------- page size and API
    // contract

    @Test
    void pageSizes() throws IOException {
        assertMediaBox(new PdfRenderer("letter"), 612, 792);
        assertMediaBox(new PdfRenderer("LETTER"), 612, 792);
        assertMediaBox(new PdfRenderer("A4"), 595, 842);
        assertMediaBox(new PdfRenderer("a4"), 595, 842);
        assertMediaBox(new PdfRenderer(), 595, 842);
    }

    @Test
    void unknownPageSizeIsRejectedNamingTheAllowedValues() {
        for (String bad : new String[] { "A5", "", "legal", null }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PdfRenderer(bad));
            assertTrue(e.getMessage().contains("A4") && e.getMessage().contains("letter"), e.getMessage());
        }
    }

    @Test
    void isAnOutputFormatNamedPdf() {
        OutputFormat format = PdfRenderer.class.getAnnotation(OutputFormat.class);
        assertEquals("pdf", format.name());
        assertEquals("pdf", format.extension());
        assertEquals("application/pdf", format.mediaType());
    }

    @Test
    void writesAPdfIntoTheCallersStreamWithoutClosingIt() throws IOException {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        out.write("prefix".getBytes(StandardCharsets.US_ASCII));
        A4.render(TestStories.minimal(), out);
        assertFalse(out.closed, "render closed the caller's stream");
        String head = new String(out.toByteArray(), 0, 11, StandardCharsets.US_ASCII);
        assertEquals("prefix%PDF-", head);
        String s = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        assertTrue(s.stripTrailing().endsWith("%%EOF"), "truncated PDF");
    }

    @Test
    void concurrentRendersGiveTheSameText() throws Exception {
        Story a = TestStories.harbourTowns();
        Story b = LongDigest.build();
        String expectedA = textOf(render(A4, a));
        String expectedB = textOf(render(A4, b));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Story d = i % 2 == 0 ? a : b;
                String expected = i % 2 == 0 ? expectedA : expectedB;
                results.add(pool.submit(() -> {
                    try (PDDocument pdf = load(render(A4, d))) {
                        return expected.equals(text(pdf));
                    }
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(), "a concurrent render differed");
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    static byte[] render(PdfRenderer renderer, Story d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.render(d, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PDDocument load(byte[] bytes) throws IOException {
        return Loader.loadPDF(JUDGED.add("PdfRendererTest", bytes));
    }

    private static String text(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
    }

    private static String textOf(byte[] bytes) throws IOException {
        try (PDDocument pdf = load(bytes)) {
            return text(pdf);
        }
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /** Lines joined with spaces, so wrapped paragraphs compare whole. */
    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(normalise(expected)), () -> "missing «" + expected + "» in: " + text);
    }

    private static void assertOutlineMatchesSections(PDDocument pdf, Story d) throws IOException {
        PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
        List<String> titles = new ArrayList<>();
        for (PDOutlineItem item : outline.children()) {
            titles.add(item.getTitle());
            assertFalse(item.children().iterator().hasNext(), "outline is flat");
            PDPage page = item.findDestinationPage(pdf);
            int pageNumber = pdf.getPages().indexOf(page) + 1;
            assertTrue(pageNumber >= 1, "bookmark without a page: " + item.getTitle());
            String heading = item.getTitle().substring(item.getTitle().indexOf(". ") + 2);
            assertContains(normalise(pageText(pdf, pageNumber)), heading);
        }
        List<String> expected = d.slides().stream().map(s -> s.number() + ". " + s.heading()).toList();
        assertEquals(expected, titles);
    }

    private static void collectImages(PDResources resources, List<int[]> sizes, Set<COSBase> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (!seen.add(x.getCOSObject())) {
                continue;
            }
            if (x instanceof PDImageXObject image) {
                sizes.add(new int[] { image.getWidth(), image.getHeight() });
            }
            else if (x instanceof PDFormXObject form) {
                collectImages(form.getResources(), sizes, seen);
            }
        }
    }

    private static List<String> linkUris(PDDocument pdf) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }

    private static void assertMediaBox(PdfRenderer renderer, int width, int height) throws IOException {
        try (PDDocument pdf = load(render(renderer, TestStories.harbourTowns()))) {
            for (PDPage page : pdf.getPages()) {
                assertEquals(width, Math.round(page.getMediaBox().getWidth()));
                assertEquals(height, Math.round(page.getMediaBox().getHeight()));
            }
        }
    }

}
