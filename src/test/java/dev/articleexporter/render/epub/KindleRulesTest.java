package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Send to Kindle": the files stay inside what Amazon's EPUB ingestion accepts, on every
 * book the export writes (the sample articles, the every-script and right-to-left
 * articles, one with undescribed pictures, the nightly digest). Each rule lists every
 * offending file of every book.
 */
class KindleRulesTest {

    @TempDir
    static Path work;

    static List<EpubPackage> books;

    @BeforeAll
    static void writeBooks() throws Exception {
        books = new ArrayList<>();
        for (SampleBooks.Book book : SampleBooks.writeAll(work).values()) {
            books.add(EpubPackage.read(book.name(), book.file()));
        }
    }

    @Test
    void everyDocumentStartsWithAnXmlDeclarationSayingUtf8() {
        assertKept(KindleRules::xmlDeclarations);
    }

    @Test
    void bothTablesOfContentsAreThere() {
        assertKept(KindleRules::tablesOfContents);
    }

    @Test
    void languageIsOneKindleKnows() {
        assertKept(KindleRules::languages);
    }

    @Test
    void noLinkPointsAtABodyId() {
        assertKept(KindleRules::linksToBodyIds);
    }

    @Test
    void noEmptySrcOrHref() {
        assertKept(KindleRules::emptyReferences);
    }

    @Test
    void coverIsDeclaredBothWays() {
        assertKept(KindleRules::cover);
    }

    @Test
    void kindleLanguages() {
        assertTrue(KindleRules.kindleLanguage("en"));
        assertTrue(KindleRules.kindleLanguage("en-GB"));
        assertTrue(KindleRules.kindleLanguage("ar"));
        assertTrue(KindleRules.kindleLanguage("zh-Hant"));
        assertFalse(KindleRules.kindleLanguage("zh-Hans"));
        assertFalse(KindleRules.kindleLanguage("xx"));
        assertFalse(KindleRules.kindleLanguage(""));
    }

    /** The rules must be able to fail: a book broken on purpose breaks each of them. */
    @Test
    void eachRuleCatchesABookThatBreaksIt() {
        EpubPackage good = books.getFirst();
        String page = good.xhtml().stream().filter(i -> !i.has("nav")).reduce((a, b) -> b).orElseThrow().path();
        Map<String, byte[]> entries = new LinkedHashMap<>(good.entries());
        String xhtml = text(entries, page).replace(KindleRules.XML_DECLARATION, "<?xml version='1.0'?>")
            .replaceFirst("<body[^>]*>",
                    "<body id=\"whole\"><p><a href=\"#whole\">top</a><img src=\"\" alt=\"x\"/></p>");
        entries.put(page, xhtml.getBytes(StandardCharsets.UTF_8));
        String opf = text(entries, good.opfPath()).replaceFirst("<dc:language([^>]*)>[^<]*</dc:language>",
                "<dc:language$1>xx</dc:language>");
        entries.put(good.opfPath(), opf.getBytes(StandardCharsets.UTF_8));
        EpubPackage broken = EpubPackage.read("broken", entries);

        assertEquals(List.of(page + " starts with <?xml version='1.0'?>"), KindleRules.xmlDeclarations(broken));
        assertEquals(List.of("dc:language xx is not a Kindle language"), KindleRules.languages(broken));
        assertEquals(List.of(page + " links to #whole, an id on <body>"), KindleRules.linksToBodyIds(broken));
        assertEquals(List.of(page + ": <img> with an empty src"), KindleRules.emptyReferences(broken));
        String noCover = text(entries, good.opfPath()).replaceAll("<(\\w+:)?meta [^>]*name=\"cover\"[^>]*/>", "")
            .replace("cover-image", "");
        entries.put(good.opfPath(), noCover.getBytes(StandardCharsets.UTF_8));
        List<String> cover = KindleRules.cover(EpubPackage.read("no cover", entries));
        assertTrue(cover.contains("0 manifest items with properties=\"cover-image\", not 1"), cover.toString());
        assertTrue(cover.contains("0 <meta name=\"cover\"> elements, not 1"), cover.toString());
    }

    private static String text(Map<String, byte[]> entries, String path) {
        return new String(entries.get(path), StandardCharsets.UTF_8);
    }

    /** Fails with every problem of every book, by book. */
    private static void assertKept(Function<EpubPackage, List<String>> rule) {
        assertEquals(SampleBooks.NAMES.size(), books.size());
        StringBuilder problems = new StringBuilder();
        for (EpubPackage book : books) {
            List<String> found = rule.apply(book);
            if (!found.isEmpty()) {
                problems.append("\n").append(book.name()).append(":\n  ").append(String.join("\n  ", found));
            }
        }
        assertTrue(problems.isEmpty(), "Amazon's EPUB ingestion rule broken in:" + problems);
    }

}
