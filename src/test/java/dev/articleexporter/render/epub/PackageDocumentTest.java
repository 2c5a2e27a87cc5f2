package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Date;
import io.documentnode.epub4j.domain.GuideReference;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.documentnode.epub4j.domain.TOCReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The OPF (EPUB 3), NCX and navigation document we write ourselves, read back with a real
 * XML parser, with epub4j and with EPUBCheck.
 */
class PackageDocumentTest {

    private static final PackageDocument.Extras EXTRAS = new PackageDocument.Extras("2026-12-06T05:00:00Z", false,
            Accessibility.TEXT_ONLY);

    private static final String OPF = "http://www.idpf.org/2007/opf";

    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private static final String NCX = "http://www.daisy.org/z3986/2005/ncx/";

    private static final String TITLE = "Fish <b>& \"chips\"</b> 'n' more";

    private static final String DESCRIPTION = "5 < 6 && \"seven\" > 'eight' ]]>";

    private static final String UID = "urn:uuid:0fb6cfa3-6bc2-4b29-9c4b-9b75472c4930";

    @TempDir
    Path dir;

    /**
     * Three levels: part one (chapter a with a fragment entry under it, chapter b), part
     * two; a page read in order but not listed; a page in the manifest only, out of the
     * reading order.
     */
    private static Book book() {
        Book book = new Book();
        var md = book.getMetadata();
        md.addIdentifier(new Identifier("uid", UID));
        md.addTitle(TITLE);
        md.setLanguage("en");
        md.addDescription(DESCRIPTION);
        md.addPublisher("Smith & Sons <Ltd>");
        md.addAuthor(new Author("Jo \"JJ\"", "O'Neil & <Co>"));
        md.addAuthor(new Author("", "Reuters"));
        md.addDate(new Date("2026-11-25", Date.Event.PUBLICATION));
        md.addType("Periodical");
        md.getSubjects().add("Food & Drink");
        byte[] css = "p {}".getBytes(StandardCharsets.UTF_8);
        book.getResources().add(new Resource("css", css, "style.css", MediaTypes.CSS));

        Resource cover = page("zz-first", "First & only <title>");
        book.getResources().add(cover);
        book.getSpine().addResource(cover);
        book.getGuide().addReference(new GuideReference(cover, GuideReference.TITLE_PAGE, TITLE));
        TOCReference one = book.addSection("Part <one>", page("part1", "Part one"));
        TOCReference a = book.addSection(one, "Chapter \"a\"", page("Chapter-a", "Chapter a"));
        book.addSection(a, "Deep & down", page("deep", "Deep"), "frag-2");
        book.addSection(one, "Chapter b", page("chapter-b", "Chapter b"));
        book.addSection("Part two", page("part2", "Part two"));
        Resource aside = page("aside", "Aside");
        book.getResources().add(aside);
        book.getSpine().addSpineReference(new SpineReference(aside, false));
        return book;
    }

    /**
     * An XHTML page with an element {@code id="frag-2"} for fragment entries to point to.
     */
    private static Resource page(String id, String title) {
        XhtmlPage page = new XhtmlPage(title, "en", false, null, "style.css");
        page.element("h1", title);
        page.element("p", "Text", "id", "frag-2");
        // non-linear content must be reachable (EPUB 3)
        page.start("p").element("a", "Aside", "href", "aside.xhtml").end();
        return new Resource(id, page.finish(), id + ".xhtml", MediaTypes.XHTML);
    }

    @Test
    void ncxHasTheNestedTableOfContentsNumberedInReadingOrder() throws Exception {
        Document ncx = parse(PackageDocument.ncx(book()));
        assertEquals("3", meta(ncx, "dtb:depth"), "three levels: part, chapter, fragment");
        assertEquals(UID, meta(ncx, "dtb:uid"));
        assertEquals("0", meta(ncx, "dtb:totalPageCount"));
        assertEquals("0", meta(ncx, "dtb:maxPageNumber"));
        assertEquals(TITLE, text(first(ncx.getDocumentElement(), "docTitle")));
        List<String> authors = new ArrayList<>();
        for (Element author : children(ncx.getDocumentElement(), "docAuthor")) {
            authors.add(text(author));
        }
        assertEquals(List.of("O'Neil & <Co>, Jo \"JJ\"", "Reuters"), authors);

        Element navMap = first(ncx.getDocumentElement(), "navMap");
        List<String> outline = new ArrayList<>();
        outline(navMap, "", outline);
        assertEquals(List.of("1 Part <one> -> part1.xhtml", "  2 Chapter \"a\" -> Chapter-a.xhtml",
                "    3 Deep & down -> deep.xhtml#frag-2", "  4 Chapter b -> chapter-b.xhtml",
                "5 Part two -> part2.xhtml"), outline);
    }

    @Test
    void depthCountsOnlyLevelsThatGetANavPoint() throws Exception {
        Book book = new Book();
        Resource page = page("p", "P");
        // An entry without a page is written as its children: two levels under it are two
        // levels, not three.
        TOCReference group = new TOCReference("Group", null);
        TOCReference child = new TOCReference("Child", page);
        child.getChildren().add(new TOCReference("Grandchild", page, "frag-2"));
        group.getChildren().add(child);
        book.getTableOfContents().addTOCReference(group);
        book.getResources().add(page);
        Document ncx = parse(PackageDocument.ncx(book));
        assertEquals("2", meta(ncx, "dtb:depth"));
        List<String> outline = new ArrayList<>();
        outline(first(ncx.getDocumentElement(), "navMap"), "", outline);
        assertEquals(List.of("1 Child -> p.xhtml", "  2 Grandchild -> p.xhtml#frag-2"), outline);
    }

    @Test
    void opfHasTheMetadataEscapedAndReadableBack() throws Exception {
        Document opf = parse(PackageDocument.opf(book(), EXTRAS));
        Element pkg = opf.getDocumentElement();
        assertEquals(OPF, pkg.getNamespaceURI());
        assertEquals("3.0", pkg.getAttribute("version"));
        assertEquals("en", pkg.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        Element metadata = first(pkg, "metadata");
        Element id = dc(metadata, "identifier").getFirst();
        assertEquals(pkg.getAttribute("unique-identifier"), id.getAttribute("id"));
        assertEquals(UID, id.getTextContent());
        assertEquals(List.of("2026-12-06T05:00:00Z"), properties(metadata, "dcterms:modified"));
        assertEquals(List.of("textual"), properties(metadata, "schema:accessMode"));
        assertEquals(List.of("none"), properties(metadata, "schema:accessibilityHazard"));
        assertEquals(TITLE, dc(metadata, "title").getFirst().getTextContent());
        assertEquals(DESCRIPTION, dc(metadata, "description").getFirst().getTextContent());
        assertEquals("Smith & Sons <Ltd>", dc(metadata, "publisher").getFirst().getTextContent());
        assertEquals("Food & Drink", dc(metadata, "subject").getFirst().getTextContent());
        assertEquals("Periodical", dc(metadata, "type").getFirst().getTextContent());
        assertEquals("en", dc(metadata, "language").getFirst().getTextContent());
        assertEquals("2026-11-25", dc(metadata, "date").getFirst().getTextContent());

        List<Element> creators = dc(metadata, "creator");
        assertEquals(2, creators.size());
        assertEquals("Jo \"JJ\" O'Neil & <Co>", creators.get(0).getTextContent());
        assertEquals(List.of("O'Neil & <Co>, Jo \"JJ\""), refines(metadata, creators.get(0), "file-as"));
        assertEquals(List.of("aut"), refines(metadata, creators.get(0), "role"));
        assertEquals("Reuters", creators.get(1).getTextContent(), "no stray space for a one-word name");
        assertEquals(List.of("Reuters"), refines(metadata, creators.get(1), "file-as"));
    }

    @Test
    void opfListsEveryResourceSortedByIdAndTheSpineInReadingOrder() throws Exception {
        Book book = book();
        Element pkg = parse(PackageDocument.opf(book, EXTRAS)).getDocumentElement();

        List<String> manifest = new ArrayList<>();
        for (Element item : children(first(pkg, "manifest"), "item")) {
            manifest
                .add(item.getAttribute("id") + " " + item.getAttribute("href") + " " + item.getAttribute("media-type"));
        }
        assertEquals(
                List.of("ncx toc.ncx application/x-dtbncx+xml", "nav nav.xhtml application/xhtml+xml",
                        "aside aside.xhtml application/xhtml+xml", "Chapter-a Chapter-a.xhtml application/xhtml+xml",
                        "chapter-b chapter-b.xhtml application/xhtml+xml", "css style.css text/css",
                        "deep deep.xhtml application/xhtml+xml", "part1 part1.xhtml application/xhtml+xml",
                        "part2 part2.xhtml application/xhtml+xml", "zz-first zz-first.xhtml application/xhtml+xml"),
                manifest, "by id, ignoring case, as epub4j sorts them");

        Element spine = first(pkg, "spine");
        assertEquals("ncx", spine.getAttribute("toc"));
        List<String> itemrefs = new ArrayList<>();
        for (Element itemref : children(spine, "itemref")) {
            String linear = itemref.hasAttribute("linear") ? " linear=" + itemref.getAttribute("linear") : "";
            itemrefs.add(itemref.getAttribute("idref") + linear);
        }
        assertEquals(List.of("zz-first", "part1", "Chapter-a", "deep", "chapter-b", "part2", "aside linear=no"),
                itemrefs, "the spine's order, not the manifest's");

        Element reference = children(first(pkg, "guide"), "reference").getFirst();
        assertEquals("title-page", reference.getAttribute("type"));
        assertEquals("zz-first.xhtml", reference.getAttribute("href"));
        assertEquals(TITLE, reference.getAttribute("title"));
    }

    @Test
    void charactersXmlCannotHoldAreDropped() throws Exception {
        Book book = book();
        book.getMetadata().getTitles().set(0, "Bell\u0007 nul\u0000 \uFFFE lone\uD800 pair \uD83D\uDE00");
        book.getTableOfContents().getTocReferences().getFirst().setTitle("Form\u000Cfeed");
        String expected = "Bell nul  lone pair \uD83D\uDE00";
        assertEquals(expected,
                dc(first(parse(PackageDocument.opf(book, EXTRAS)).getDocumentElement(), "metadata"), "title").getFirst()
                    .getTextContent());
        Document ncx = parse(PackageDocument.ncx(book));
        assertEquals(expected, text(first(ncx.getDocumentElement(), "docTitle")));
        assertEquals("Formfeed", text(first(first(first(ncx.getDocumentElement(), "navMap"), "navPoint"), "navLabel")));
    }

    @Test
    void sameBookSameBytesWhateverOrderTheResourcesCameIn() {
        Book first = book();
        Book second = book();
        // Same resources, added in another order: the manifest is sorted, so nothing
        // changes.
        List<Resource> all = new ArrayList<>(second.getResources().getAll());
        second.getResources().set(List.of());
        for (Resource r : all.reversed()) {
            second.getResources().add(r);
        }
        assertArrayEquals(PackageDocument.opf(first, EXTRAS), PackageDocument.opf(second, EXTRAS));
        assertArrayEquals(PackageDocument.ncx(first), PackageDocument.ncx(second));
        assertFalse(new String(PackageDocument.opf(first, EXTRAS), StandardCharsets.UTF_8).contains("\r"),
                "LF line ends only");
    }

    @Test
    void wholeBookPassesEpubCheckAndReadsBackWithEpub4j() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EpubPackager.write(book(), EXTRAS, out);
        Path file = dir.resolve("nested.epub");
        Files.write(file, out.toByteArray());
        EpubCheckAssert.assertValid(file);

        Book read = EpubFiles.read(out.toByteArray());
        assertEquals(TITLE, read.getTitle());
        assertEquals(DESCRIPTION, read.getMetadata().getDescriptions().getFirst());
        TOCReference partOne = read.getTableOfContents().getTocReferences().getFirst();
        assertEquals("Part <one>", partOne.getTitle());
        TOCReference deep = partOne.getChildren().getFirst().getChildren().getFirst();
        assertEquals("Deep & down", deep.getTitle());
        assertEquals("deep.xhtml#frag-2", deep.getCompleteHref());
        assertEquals(7, read.getSpine().size());
        assertFalse(read.getSpine().getSpineReferences().getLast().isLinear());
        assertTrue(read.getResources().containsByHref("aside.xhtml"));
    }

    // ---- helpers
    // -----------------------------------------------------------------------------

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /**
     * "playOrder title -> src" per navPoint, indented by level, after checking the id and
     * class.
     */
    private static void outline(Element parent, String indent, List<String> lines) {
        for (Element navPoint : children(parent, "navPoint")) {
            String playOrder = navPoint.getAttribute("playOrder");
            assertEquals("navPoint-" + playOrder, navPoint.getAttribute("id"));
            assertEquals("chapter", navPoint.getAttribute("class"));
            lines.add(indent + playOrder + " " + text(first(navPoint, "navLabel")) + " -> "
                    + first(navPoint, "content").getAttribute("src"));
            outline(navPoint, indent + "  ", lines);
        }
    }

    private static String meta(Document ncx, String name) {
        for (Element meta : children(first(ncx.getDocumentElement(), "head"), "meta")) {
            if (meta.getAttribute("name").equals(name)) {
                return meta.getAttribute("content");
            }
        }
        throw new AssertionError("no meta " + name);
    }

    /** The text of the {@code <text>} element in {@code parent}. */
    private static String text(Element parent) {
        return first(parent, "text").getTextContent();
    }

    /** The values of {@code <meta property="...">} in the metadata. */
    private static List<String> properties(Element metadata, String property) {
        List<String> found = new ArrayList<>();
        for (Element meta : children(metadata, "meta")) {
            if (meta.getAttribute("property").equals(property) && !meta.hasAttribute("refines")) {
                found.add(meta.getTextContent());
            }
        }
        return found;
    }

    /**
     * The values of the {@code <meta>}s refining {@code element} with {@code property}.
     */
    private static List<String> refines(Element metadata, Element element, String property) {
        List<String> found = new ArrayList<>();
        for (Element meta : children(metadata, "meta")) {
            if (meta.getAttribute("refines").equals("#" + element.getAttribute("id"))
                    && meta.getAttribute("property").equals(property)) {
                found.add(meta.getTextContent());
            }
        }
        return found;
    }

    private static List<Element> dc(Element metadata, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = metadata.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DC.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertFalse(found.isEmpty(), "no " + name + " in " + parent.getLocalName());
        return found.getFirst();
    }

    /**
     * Child elements of the OPF or NCX namespace (whichever the parent is in) named
     * {@code name}.
     */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (OPF.equals(e.getNamespaceURI()) || NCX.equals(e.getNamespaceURI()))
                    && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

}
