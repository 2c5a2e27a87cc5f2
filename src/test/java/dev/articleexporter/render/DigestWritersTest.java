package dev.articleexporter.render;

import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.model.Digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.pdf.PdfRenderer;
import dev.articleexporter.testing.PdfReadBack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Both edition writers over one edition of hand-built digests: sections in a chosen
 * order, an article without a section, hostile text, a right-to-left article, every
 * script.
 */
class DigestWritersTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

    private static final EpubRenderer EPUB = new EpubRenderer();

    private static final PdfRenderer PDF = new PdfRenderer();

    @TempDir
    static Path work;

    static Digest edition;
    static Path epub;
    static Path pdf;

    /** How often each article's digest has been made. */
    static final Map<String, AtomicInteger> made = new LinkedHashMap<>();

    /** The same, right after writing both formats. */
    static List<Integer> madeWhileWriting;

    @BeforeAll
    static void writeBothFormats() throws IOException {
        edition = edition(List.of(part("Sec & Co", TestStories.hostileText()),
                part("Travel", TestStories.harbourTowns()), part("World", TestStories.everyScript()),
                part("سياسة", TestStories.arabic()), part(DigestMaker.NO_SECTION, TestStories.minimal())));
        epub = work.resolve(edition.fileStem() + ".epub");
        pdf = work.resolve(edition.fileStem() + ".pdf");
        try (OutputStream e = Files.newOutputStream(epub); OutputStream p = Files.newOutputStream(pdf)) {
            DigestWriter.writeAll(edition, List.of(EPUB.digestWriter(e), PDF.digestWriter(p)));
        }
        madeWhileWriting = made.values().stream().map(AtomicInteger::get).toList();
    }

    private record PartSpec(String name, Story digest) {
    }

    private static PartSpec part(String name, Story digest) {
        return new PartSpec(name, digest);
    }

    /**
     * One article per section, numbered in order, each counting how often its digest is
     * made.
     */
    private static Digest edition(List<PartSpec> specs) {
        List<Digest.Section> parts = new ArrayList<>();
        int n = 0;
        for (PartSpec spec : specs) {
            Story d = spec.digest();
            AtomicInteger count = made.computeIfAbsent(d.id(), id -> new AtomicInteger());
            Digest.Entry entry = new Digest.Entry(++n, d.id(), d.meta().title(), d.meta().section(),
                    d.meta().language(), () -> {
                        count.incrementAndGet();
                        return d;
                    });
            parts.add(new Digest.Section(parts.size() + 1, spec.name(), List.of(entry)));
        }
        return new Digest(Digest.fileStem(DATE, 7), Digest.title(DATE), DATE, "en", parts, 0, 200);
    }

    @Test
    void eachArticleIsDigestedOnceForBothFormats() {
        assertThat(madeWhileWriting).containsExactly(1, 1, 1, 1, 1);
    }

    // ---- EPUB
    // --------------------------------------------------------------------------------

    @Test
    void epubPassesEpubCheck() {
        EpubCheckAssert.assertValid(epub);
    }

    @Test
    void ncxListsSectionsThenTheirArticlesInOrderOnTwoLevels() throws Exception {
        Element navMap = (Element) xml(unzip(epub).get("OEBPS/toc.ncx")).getElementsByTagName("navMap").item(0);
        List<String> sections = new ArrayList<>();
        List<List<String>> articles = new ArrayList<>();
        for (Element section : children(navMap, "navPoint")) {
            sections.add(label(section));
            List<String> titles = new ArrayList<>();
            for (Element article : children(section, "navPoint")) {
                titles.add(label(article));
                assertThat(children(article, "navPoint")).as("two levels only").isEmpty();
                assertThat(content(article)).matches("a00\\d-title\\.xhtml");
            }
            articles.add(titles);
            assertThat(content(section)).matches("digest-section-0\\d\\.xhtml");
        }
        assertThat(sections).containsExactly("Sec & Co", "Travel", "World", "سياسة", "More");
        assertThat(articles).containsExactly(List.of(TestStories.hostileText().meta().title()),
                List.of("Five Harbour Towns to Visit in Winter"), List.of(TestStories.everyScript().meta().title()),
                List.of(TestStories.arabic().meta().title()), List.of("Three Questions Before You Refinance"));
    }

    @Test
    void epubMetadataIsAPeriodicalIssueWithAStableIdentifier() throws Exception {
        String opf = new String(unzip(epub).get("OEBPS/content.opf"), StandardCharsets.UTF_8);
        assertThat(opf).contains("<dc:title>Nightly digest — 25 November 2026</dc:title>")
            .contains("<dc:date opf:event=\"publication\">2026-11-25</dc:date>")
            .contains("<dc:type>Periodical</dc:type>")
            .contains("<dc:subject>Travel</dc:subject>")
            .doesNotContain("<dc:subject>More</dc:subject>") // not a section of the feed
            .contains("urn:uuid:");
        String id = opf.replaceAll("(?s).*(urn:uuid:[0-9a-f-]+).*", "$1");
        // The same edition written again is the same book; another edition is not.
        Path again = work.resolve("again.epub");
        try (OutputStream out = Files.newOutputStream(again)) {
            DigestWriter.writeAll(edition, List.of(EPUB.digestWriter(out)));
        }
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(epub));
        Digest other = new Digest(Digest.fileStem(DATE, 8), edition.title(), DATE, "en", edition.sections(), 0, 200);
        Path otherFile = work.resolve("other.epub");
        try (OutputStream out = Files.newOutputStream(otherFile)) {
            DigestWriter.writeAll(other, List.of(EPUB.digestWriter(out)));
        }
        assertThat(new String(unzip(otherFile).get("OEBPS/content.opf"), StandardCharsets.UTF_8)).doesNotContain(id);
    }

    /**
     * Every page of an article's own EPUB is in the edition under the article's prefix,
     * the same but for where its pictures are, and every picture is the same bytes.
     */
    @Test
    void articlesReadExactlyAsInTheirOwnBooks() throws Exception {
        Map<String, byte[]> digestFiles = unzip(epub);
        for (Digest.Section part : edition.sections()) {
            for (Digest.Entry entry : part.articles()) {
                String prefix = String.format("a%03d-", entry.number());
                Path own = work.resolve(entry.fileStem() + ".epub");
                try (OutputStream out = Files.newOutputStream(own)) {
                    EPUB.render(entry.story(), out);
                }
                int pages = 0;
                for (Map.Entry<String, byte[]> file : unzip(own).entrySet()) {
                    String name = file.getKey().substring("OEBPS/".length());
                    if (name.endsWith(".xhtml")) {
                        String expected = new String(file.getValue(), StandardCharsets.UTF_8).replace("src=\"images/",
                                "src=\"images/" + prefix);
                        assertThat(new String(digestFiles.get("OEBPS/" + prefix + name), StandardCharsets.UTF_8))
                            .as(prefix + name)
                            .isEqualTo(expected);
                        pages++;
                    }
                    else if (name.startsWith("images/")) {
                        assertThat(digestFiles.get("OEBPS/images/" + prefix + name.substring("images/".length())))
                            .as(name)
                            .isEqualTo(file.getValue());
                    }
                }
                assertThat(pages).as(entry.fileStem()).isGreaterThan(1);
            }
        }
    }

    @Test
    void hostileTextStaysTextOnTheDigestsOwnPages() throws Exception {
        Map<String, byte[]> files = unzip(epub);
        String contents = new String(files.get("OEBPS/digest-contents.xhtml"), StandardCharsets.UTF_8);
        assertThat(contents)
            .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; ]]&gt;")
            .doesNotContain("<script")
            .doesNotContain("<img");
        String section = new String(files.get("OEBPS/digest-section-01.xhtml"), StandardCharsets.UTF_8);
        assertThat(section).contains("<h1>Sec &amp; Co</h1>");
        // Every page parses as XML (EPUBCheck checks them against the XHTML schema too).
        for (String name : List.of("digest-title.xhtml", "digest-contents.xhtml", "digest-section-04.xhtml")) {
            assertThat(xml(files.get("OEBPS/" + name)).getDocumentElement().getTagName()).isEqualTo("html");
        }
    }

    @Test
    void rightToLeftTitlesKeepTheirDirectionAndLanguageInTheContents() throws Exception {
        String contents = new String(unzip(epub).get("OEBPS/digest-contents.xhtml"), StandardCharsets.UTF_8);
        assertThat(contents).contains("<li xml:lang=\"ar\" dir=\"rtl\"><a href=\"a004-title.xhtml\">"
                + TestStories.arabic().meta().title() + "</a>");
        assertThat(contents).contains("<h2><a href=\"digest-section-04.xhtml\" dir=\"rtl\">سياسة</a>");
        String title = new String(unzip(epub).get("OEBPS/a004-title.xhtml"), StandardCharsets.UTF_8);
        assertThat(title).contains("xml:lang=\"ar\"").contains("dir=\"rtl\"");
    }

    // ---- PDF
    // ---------------------------------------------------------------------------------

    @Test
    void pdfOutlineHasSectionsWithTheirArticlesAndTheSlidesUnderThem() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> sections = new ArrayList<>();
            List<String> articles = new ArrayList<>();
            for (PDOutlineItem section : doc.getDocumentCatalog().getDocumentOutline().children()) {
                sections.add(section.getTitle());
                for (PDOutlineItem article : section.children()) {
                    articles.add(article.getTitle());
                    List<String> slides = new ArrayList<>();
                    article.children().forEach(s -> slides.add(s.getTitle()));
                    Digest.Entry entry = entryTitled(article.getTitle());
                    assertThat(slides).as("slides of " + article.getTitle())
                        .containsExactlyElementsOf(
                                entry.story().slides().stream().map(s -> s.number() + ". " + s.heading()).toList());
                    assertThat(article.isNodeOpen()).as("slides folded away").isFalse();
                }
                assertThat(section.isNodeOpen()).as("articles show").isTrue();
            }
            assertThat(sections).containsExactly("Sec & Co", "Travel", "World", "سياسة", "More");
            assertThat(articles).containsExactly(TestStories.hostileText().meta().title(),
                    "Five Harbour Towns to Visit in Winter", TestStories.everyScript().meta().title(),
                    TestStories.arabic().meta().title(), "Three Questions Before You Refinance");
        }
    }

    @Test
    void pdfTitlePageHasTheDateAndTheContentsWithThePagesTheArticlesStartOn() throws IOException {
        PdfReadBack read = PdfReadBack.of(pdf);
        assertThat(read.title()).isEqualTo("Nightly digest — 25 November 2026");
        assertThat(read.keywords()).isEqualTo("Sec & Co, Travel, World, سياسة");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String titlePage = PdfReadBack.fold(stripper.getText(doc));
            assertThat(titlePage).startsWith("Nightly digest 25 November 2026 5 articles in 5 sections Contents");
            for (PDOutlineItem section : doc.getDocumentCatalog().getDocumentOutline().children()) {
                for (PDOutlineItem article : section.children()) {
                    int page = doc.getPages().indexOf(article.findDestinationPage(doc)) + 1;
                    assertThat(page).isGreaterThan(1);
                    if (!article.getTitle().contains("<") && !article.getTitle().contains("Every")
                            && !article.getTitle().startsWith("رئيس")) {
                        // Plain Latin titles extract as written: "Five Harbour Towns to
                        // Visit in Winter 3".
                        assertThat(titlePage).contains(article.getTitle() + " " + page);
                    }
                }
            }
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            assertThat(stripper.getText(doc)).contains("Nightly digest — 25 November 2026")
                .contains("page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());
        }
    }

    /** Each article's text, credits included, reads in the digest as in its own PDF. */
    @Test
    void pdfArticlesReadAsInTheirOwnFiles() throws IOException {
        String digestText = PdfReadBack.of(pdf).bodyText();
        for (Digest.Section part : edition.sections()) {
            for (Digest.Entry entry : part.articles()) {
                Path own = work.resolve(entry.fileStem() + ".pdf");
                try (OutputStream out = Files.newOutputStream(own)) {
                    PDF.render(entry.story(), out);
                }
                assertThat(digestText).as(entry.fileStem()).contains(PdfReadBack.of(own).bodyText());
            }
        }
        assertThat(digestText).contains("Photo credits Example Travel Desk — slides 1, 2 Rail Archive — slide 4");
    }

    // ---- helpers
    // -----------------------------------------------------------------------------

    private static Digest.Entry entryTitled(String title) {
        return edition.sections()
            .stream()
            .flatMap(p -> p.articles().stream())
            .filter(e -> e.title().equals(title))
            .findFirst()
            .orElseThrow();
    }

    static Map<String, byte[]> unzip(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The XHTML doctype names a DTD on the web: never fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String label(Element navPoint) {
        return children(children(navPoint, "navLabel").getFirst(), "text").getFirst().getTextContent();
    }

    private static String content(Element navPoint) {
        return children(navPoint, "content").getFirst().getAttribute("src");
    }

}
