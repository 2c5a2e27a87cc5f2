package dev.articleexporter.render;

import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.model.Digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Related;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.epub.FixedClock;
import dev.articleexporter.render.pdf.JudgedPdfs;
import dev.articleexporter.render.pdf.PdfJudge;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Both edition writers over one edition of hand-built digests: sections in a chosen
 * order, an article without a section, hostile text, a right-to-left article, every
 * script.
 */
class DigestWritersTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

    /** Books made at a fixed moment: two writes of an edition are the same bytes. */
    private static final EpubRenderer EPUB = FixedClock.renderer();

    private static final String OPS_NS = "http://www.idpf.org/2007/ops";

    private static final PdfRenderer PDF = new PdfRenderer();

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

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

    /** The edition's PDF: PDF/UA-1 and PDF/A-2a (issue 13). */
    @Test
    void pdfPassesVeraPdf() {
        PdfJudge.assertConforms(pdf);
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
                assertThat(content(article)).matches("a00\\d-article\\.xhtml");
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
    void navListsSectionsThenTheirArticlesOnTwoLevels() throws Exception {
        Map<String, byte[]> files = unzip(epub);
        Element toc = null;
        for (Element nav : elements(xml(files.get("OEBPS/nav.xhtml")).getDocumentElement(), "nav")) {
            if (nav.getAttributeNS(OPS_NS, "type").equals("toc")) {
                toc = nav;
            }
        }
        assertThat(toc).as("a toc nav").isNotNull();
        assertThat(toc.getAttribute("role")).isEqualTo("doc-toc");
        List<String> sections = new ArrayList<>();
        List<List<String>> articles = new ArrayList<>();
        for (Element section : children(children(toc, "ol").getFirst(), "li")) {
            Element link = children(section, "a").getFirst();
            sections.add(link.getTextContent());
            assertThat(link.getAttribute("href")).matches("digest-section-0\\d\\.xhtml");
            List<String> titles = new ArrayList<>();
            for (Element article : children(children(section, "ol").getFirst(), "li")) {
                Element a = children(article, "a").getFirst();
                titles.add(a.getTextContent());
                assertThat(a.getAttribute("href")).matches("a00\\d-article\\.xhtml");
                assertThat(files).containsKey("OEBPS/" + a.getAttribute("href"));
                assertThat(children(article, "ol")).as("two levels only").isEmpty();
            }
            articles.add(titles);
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
            .contains("<dc:date>2026-11-25</dc:date>")
            .contains("<meta property=\"dcterms:modified\">" + FixedClock.MODIFIED + "</meta>")
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
     * Readers show "Author: Unknown" without a creator: the issue's makers are the sites
     * of its articles (most articles first, at most three), organisations sorting by
     * their own name; the publisher names them too.
     */
    @Test
    void epubHasTheSitesOfItsArticlesAsCreatorAndPublisher() throws Exception {
        org.w3c.dom.Document opf = xml(unzip(epub).get("OEBPS/content.opf"));
        Element metadata = elements(opf.getDocumentElement(), "metadata").getFirst();
        List<String> creators = new ArrayList<>();
        for (Element creator : children(metadata, "creator")) {
            String name = creator.getTextContent();
            creators.add(name);
            List<String> fileAs = new ArrayList<>();
            for (Element meta : children(metadata, "meta")) {
                if (meta.getAttribute("refines").equals("#" + creator.getAttribute("id"))
                        && meta.getAttribute("property").equals("file-as")) {
                    fileAs.add(meta.getTextContent());
                }
            }
            assertThat(creator.getAttribute("id")).isNotEmpty();
            assertThat(fileAs).as("an organisation sorts by its name").containsExactly(name);
        }
        // one article each: the first three in reading order (the fourth, Arabic, site
        // and the last article's none are not named)
        assertThat(creators).containsExactly("Site <b>", "Example Travel Desk", "Example World Desk");
        assertThat(children(metadata, "publisher")).singleElement()
            .extracting(Element::getTextContent)
            .isEqualTo("Site <b>, Example Travel Desk, Example World Desk");
        EpubCheckAssert.assertValid(epub);
    }

    /**
     * Every content document of an article's own EPUB is in the edition under the
     * article's prefix, the same but for where its pictures are, the chapter around it
     * and its slides not being chapters of their own; and every picture is the same
     * bytes.
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
                    if (name.matches("article(-\\d+)?\\.xhtml")) {
                        String expected = asInTheDigest(new String(file.getValue(), StandardCharsets.UTF_8), prefix,
                                name.equals("article.xhtml"));
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
                assertThat(pages).as(entry.fileStem())
                    .isPositive()
                    .isEqualTo(digestFiles.keySet()
                        .stream()
                        .filter(n -> n.matches("OEBPS/" + prefix + "article(-\\d+)?\\.xhtml"))
                        .count());
            }
        }
    }

    /**
     * An article's document as the digest has it: pictures under the article's prefix,
     * inside a chapter of the issue (whose heading is the article's title), its slides
     * plain sections.
     */
    private static String asInTheDigest(String own, String prefix, boolean first) {
        int body = own.indexOf('>', own.indexOf("<body")) + 2;
        int end = own.lastIndexOf("</body>");
        String chapter = first
                ? "<section class=\"article\" epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"title\">\n"
                : "<section class=\"article continued\" epub:type=\"chapter\" role=\"doc-chapter\">\n";
        return (own.substring(0, body) + chapter + own.substring(body, end) + "</section>\n" + own.substring(end))
            .replace("src=\"images/", "src=\"images/" + prefix)
            .replace(" epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"slide-",
                    " aria-labelledby=\"slide-");
    }

    /**
     * A reading-list item without a web address is useless on a reader, unless its title
     * names an article of the same digest: then it links to that article's file.
     */
    @Test
    void readingListItemWithoutAnAddressLinksToAnArticleOfTheSameDigestOrIsLeftOut() throws Exception {
        Story minimal = TestStories.minimal();
        Story linking = new Story("reading-list", minimal.meta(), minimal.intro(), minimal.slides(), minimal.credits(),
                new Related("Read next", List.of(new Related.Link("Five Harbour Towns to Visit in Winter", null),
                        new Related.Link("Ten Winter Soups Worth the Trip", null))));
        Digest issue = edition(List.of(part("Travel", TestStories.harbourTowns()), part("Money", linking)));
        Path file = work.resolve("reading-list.epub");
        try (OutputStream out = Files.newOutputStream(file)) {
            DigestWriter.writeAll(issue, List.of(EPUB.digestWriter(out)));
        }
        EpubCheckAssert.assertValid(file);
        Map<String, byte[]> files = unzip(file);
        String article = new String(files.get("OEBPS/a002-article.xhtml"), StandardCharsets.UTF_8);
        assertThat(article).contains("<section class=\"related\" id=\"related\"")
            .contains("<li><a href=\"a001-article.xhtml\">Five Harbour Towns to Visit in Winter</a></li>")
            .doesNotContain("Ten Winter Soups");
        // the harbour towns' own item names nothing in this issue: no reading list at all
        String towns = new String(files.get("OEBPS/a001-article.xhtml"), StandardCharsets.UTF_8);
        assertThat(towns).doesNotContain("Ten Winter Soups").doesNotContain("class=\"related\"");
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
        assertThat(section).contains("<h1 id=\"part-h\">Sec &amp; Co</h1>");
        String nav = new String(files.get("OEBPS/nav.xhtml"), StandardCharsets.UTF_8);
        assertThat(nav).contains("&lt;script&gt;alert(").doesNotContain("<script").doesNotContain("<img");
        // Every page parses as XML (EPUBCheck checks them against the XHTML schema too).
        for (String name : List.of("digest-title.xhtml", "digest-contents.xhtml", "digest-section-04.xhtml",
                "nav.xhtml", "a001-article.xhtml")) {
            assertThat(xml(files.get("OEBPS/" + name)).getDocumentElement().getTagName()).isEqualTo("html");
        }
    }

    @Test
    void rightToLeftTitlesKeepTheirDirectionAndLanguageInTheContents() throws Exception {
        String contents = new String(unzip(epub).get("OEBPS/digest-contents.xhtml"), StandardCharsets.UTF_8);
        assertThat(contents).contains("<li xml:lang=\"ar\" dir=\"rtl\"><a href=\"a004-article.xhtml\">"
                + TestStories.arabic().meta().title() + "</a>");
        assertThat(contents).contains("<h2><a href=\"digest-section-04.xhtml\" dir=\"rtl\">سياسة</a>");
        String title = new String(unzip(epub).get("OEBPS/a004-article.xhtml"), StandardCharsets.UTF_8);
        assertThat(title).contains("xml:lang=\"ar\"").contains("dir=\"rtl\"");
        String nav = new String(unzip(epub).get("OEBPS/nav.xhtml"), StandardCharsets.UTF_8);
        assertThat(nav).contains("<a href=\"digest-section-04.xhtml\" dir=\"rtl\">سياسة</a>")
            .contains("<a href=\"a004-article.xhtml\" dir=\"rtl\">" + TestStories.arabic().meta().title() + "</a>");
    }

    /**
     * The nav document is a table of contents too: an article's title in another language
     * than the issue's is marked with its language there, as on the contents page (WCAG
     * 3.1.2, language of parts, which the digest claims to meet).
     */
    @Test
    void navMarksTheLanguageOfTitlesInAnotherLanguage() throws Exception {
        org.w3c.dom.Document nav = xml(unzip(epub).get("OEBPS/nav.xhtml"));
        String arabic = TestStories.arabic().meta().title();
        Element link = elements(nav.getDocumentElement(), "a").stream()
            .filter(a -> a.getTextContent().equals(arabic))
            .findFirst()
            .orElseThrow();
        String lang = link.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        if (lang.isEmpty() && link.getParentNode() instanceof Element li) {
            lang = li.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        }
        assertThat(lang).as("xml:lang of the Arabic title's entry or its li").isEqualTo("ar");
    }

    // ---- PDF
    // ---------------------------------------------------------------------------------

    @Test
    void pdfViewersShowTheDigestsTitle() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var preferences = doc.getDocumentCatalog().getViewerPreferences();
            assertThat(preferences != null && preferences.displayDocTitle()).as("DisplayDocTitle").isTrue();
        }
    }

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
                JUDGED.add(own);
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

    /** Descendants by local name, in document order. */
    static List<Element> elements(Element parent, String name) {
        org.w3c.dom.NodeList list = parent.getElementsByTagNameNS("*", name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
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
