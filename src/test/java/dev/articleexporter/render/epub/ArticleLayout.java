package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The content documents of an article's own book as a reader meets them (spine, NCX, nav
 * document), checked for what every book must satisfy however long the article is.
 *
 * @param files the article's files in reading order: {@code article.xhtml},
 * {@code article-2.xhtml}...
 * @param tocSrcs where the NCX entries point, in order
 */
record ArticleLayout(List<String> files, List<String> tocSrcs) {

    private static final String OPS_NS = "http://www.idpf.org/2007/ops";

    /** Largest XHTML file readers are advised to load whole. */
    static final int MAX_NAV_BYTES = 250_000;

    /**
     * Checks: no content document over {@link ArticleDocument#FILE_BUDGET}, the nav
     * document not over {@link #MAX_NAV_BYTES}; every content document in the spine once,
     * the nav document not; the article's files numbered in reading order; the NCX lists
     * the title, every slide at its anchor in the file that holds it, the reading list
     * and the credits, with rising playOrder in spine order; the nav document lists the
     * same; all slide paragraphs appear once, in order (giant ones in pieces).
     */
    static ArticleLayout check(byte[] epub, Story story) throws Exception {
        Map<String, byte[]> entries = EpubFiles.unzip(epub);
        EpubPackage book = EpubPackage.read(story.id(), entries);
        for (EpubPackage.Item item : book.xhtml()) {
            int size = entries.get(item.path()).length;
            // the nav document of thousands of slides is larger, yet within the usual
            // advice
            int limit = item.has("nav") ? MAX_NAV_BYTES : ArticleDocument.FILE_BUDGET;
            assertTrue(size <= limit, item.href() + " is " + size + " bytes");
        }

        List<String> spine = new ArrayList<>();
        for (Element itemref : EpubPackage.elements(book.opf(), EpubPackage.OPF_NS, "itemref")) {
            spine.add(book.items()
                .stream()
                .filter(i -> i.id().equals(itemref.getAttribute("idref")))
                .findFirst()
                .orElseThrow()
                .href());
        }
        EpubPackage.Item nav = book.nav();
        assertFalse(spine.contains(nav.href()), "the nav document is not read in order: " + spine);
        List<String> content = book.xhtml()
            .stream()
            .map(EpubPackage.Item::href)
            .filter(h -> !h.equals(nav.href()))
            .toList();
        assertEquals(content.stream().sorted().toList(), spine.stream().sorted().toList(),
                "every page is in the spine once");
        List<String> files = spine.stream().filter(h -> !h.equals(ArticlePages.COVER_PAGE_HREF)).toList();
        for (int i = 0; i < files.size(); i++) {
            assertEquals(i == 0 ? "article.xhtml" : "article-" + (i + 1) + ".xhtml", files.get(i), "files " + files);
        }

        List<String> expectedLabels = new ArrayList<>();
        expectedLabels.add(EpubRenderer.plain(story.meta().title()));
        story.slides().forEach(s -> expectedLabels.add(EpubRenderer.plain(s.heading())));
        Related related = story.related();
        boolean relatedKept = related != null && related.links().stream().anyMatch(l -> Hrefs.web(l.url()) != null);
        if (relatedKept) {
            expectedLabels.add(EpubRenderer.plain(related.heading()));
        }
        if (!story.credits().isEmpty()) {
            expectedLabels.add(ArticlePages.PHOTO_CREDITS);
        }

        Document ncx = EpubPackage.parse(entries, book.ncx().path());
        List<String> labels = new ArrayList<>();
        List<String> srcs = new ArrayList<>();
        int lastSpineIndex = -1;
        int lastPlayOrder = 0;
        for (Element navPoint : EpubPackage.elements(ncx, EpubPackage.NCX_NS, "navPoint")) {
            assertEquals(0, navPoint.getElementsByTagNameNS(EpubPackage.NCX_NS, "navPoint").getLength(), "one level");
            int playOrder = Integer.parseInt(navPoint.getAttribute("playOrder"));
            assertTrue(playOrder > lastPlayOrder, "playOrder rises");
            lastPlayOrder = playOrder;
            labels.add(navPoint.getElementsByTagNameNS(EpubPackage.NCX_NS, "text").item(0).getTextContent());
            String src = ((Element) navPoint.getElementsByTagNameNS(EpubPackage.NCX_NS, "content").item(0))
                .getAttribute("src");
            srcs.add(src);
            int spineIndex = spine.indexOf(file(src));
            assertTrue(spineIndex >= lastSpineIndex, src + " out of reading order");
            lastSpineIndex = spineIndex;
        }
        assertEquals(expectedLabels, labels, "title, every slide, reading list, credits");
        assertEquals("article.xhtml", srcs.getFirst());
        for (int i = 0; i < story.slides().size(); i++) {
            Slide slide = story.slides().get(i);
            String src = srcs.get(i + 1);
            assertEquals("slide-" + slide.number(), src.substring(src.indexOf('#') + 1), src);
            String anchor = "<section class=\"slide\" id=\"slide-" + slide.number() + "\"";
            String heading = "<h2 id=\"slide-" + slide.number() + "-h\"";
            for (String file : files) {
                assertEquals(file.equals(file(src)), text(entries, file).contains(anchor),
                        src + ": the anchor is in that file, and only there");
                assertEquals(file.equals(file(src)), text(entries, file).contains(heading),
                        src + ": the slide's heading is where its entry points, not in another file");
            }
        }
        int next = story.slides().size() + 1;
        if (relatedKept) {
            assertTrue(srcs.get(next++).endsWith("#related"), srcs.toString());
        }
        if (!story.credits().isEmpty()) {
            assertTrue(srcs.get(next).endsWith("#credits"), srcs.toString());
        }

        // The nav document: the same entries, same labels.
        List<String> navHrefs = new ArrayList<>();
        List<String> navLabels = new ArrayList<>();
        for (Element n : EpubPackage.elements(book.parse(nav), EpubPackage.XHTML_NS, "nav")) {
            if (n.getAttributeNS(OPS_NS, "type").equals("toc")) {
                for (int i = 0; i < n.getElementsByTagNameNS(EpubPackage.XHTML_NS, "a").getLength(); i++) {
                    Element a = (Element) n.getElementsByTagNameNS(EpubPackage.XHTML_NS, "a").item(i);
                    navHrefs.add(a.getAttribute("href"));
                    navLabels.add(a.getTextContent());
                }
            }
        }
        assertEquals(srcs, navHrefs, "the nav document points where the NCX does");
        assertEquals(labels, navLabels);

        // Reading order: the slides' paragraphs, parsed, are the story's (giant ones in
        // pieces).
        List<String> read = new ArrayList<>();
        for (String href : files) {
            Document page = EpubPackage.parse(entries, "OEBPS/" + href);
            for (Element p : EpubPackage.elements(page, EpubPackage.XHTML_NS, "p")) {
                if (p.getAttribute("class").isEmpty() && inSlide(p)) {
                    read.add(p.getTextContent());
                }
            }
        }
        List<String> expected = story.slides().stream().flatMap(s -> s.paragraphs().stream()).toList();
        assertEquals(String.join("\n", expected), joinPieces(read, expected), "paragraphs in reading order");
        return new ArticleLayout(files, srcs);
    }

    private static String file(String src) {
        return src.contains("#") ? src.substring(0, src.indexOf('#')) : src;
    }

    static String text(Map<String, byte[]> entries, String href) {
        byte[] data = entries.get("OEBPS/" + href);
        assertTrue(data != null, href);
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * Whether the nearest section around the element is a slide (or its continuation).
     */
    private static boolean inSlide(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element parent; n = n.getParentNode()) {
            if (parent.getLocalName().equals("section")) {
                return parent.getAttribute("class").startsWith("slide");
            }
        }
        return false;
    }

    /**
     * Re-joins paragraphs that were cut into pieces, so the read text can be compared
     * with the story's.
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

}
