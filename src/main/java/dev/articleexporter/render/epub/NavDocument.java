package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.GuideReference;
import io.documentnode.epub4j.domain.TOCReference;
import java.util.List;
import java.util.Map;

/**
 * The EPUB 3 navigation document ({@code nav.xhtml}): the table of contents (the same
 * entries as the NCX, which older readers keep using) and the landmarks (cover, title
 * page, contents, start of the text), taken from the book's guide so both say the same.
 */
final class NavDocument {

    static final String ID = "nav";

    static final String HREF = "nav.xhtml";

    /** Guide types (EPUB 2) and the landmarks (EPUB 3) they are, with their labels. */
    private static final Map<String, String[]> LANDMARKS = Map.of(GuideReference.COVER,
            new String[] { "cover", "Cover" }, GuideReference.TITLE_PAGE, new String[] { "titlepage", "Title page" },
            GuideReference.TOC, new String[] { "toc", "Contents" }, GuideReference.TEXT,
            new String[] { "bodymatter", "Start of content" });

    private NavDocument() {
    }

    /**
     * The document, in the book's language and direction; its own words ("Contents") are
     * marked as English when the book is not.
     */
    static byte[] bytes(Book book, String lang, boolean rtl, Map<String, String> languages) {
        String title = book.getTitle();
        boolean english = lang.equals("en") || lang.startsWith("en-");
        String[] ours = english ? new String[0] : new String[] { "xml:lang", "en", "lang", "en", "dir", "ltr" };
        XhtmlPage page = new XhtmlPage(title == null ? "Contents" : title, lang, rtl, null, Stylesheet.HREF);
        page.start("nav", "epub:type", "toc", "id", "toc", "role", "doc-toc");
        page.start("h1", concat(new String[] { "id", "toc-h" }, ours)).text("Contents").end();
        list(page, book.getTableOfContents().getTocReferences(), rtl, lang, languages);
        page.end();
        page.start("nav", "epub:type", "landmarks", "id", "landmarks", "hidden", "hidden");
        page.start("h2", ours).text("Landmarks").end();
        page.start("ol");
        for (GuideReference ref : book.getGuide().getReferences()) {
            String[] landmark = LANDMARKS.get(ref.getType());
            if (landmark != null) {
                page.start("li")
                    .start("a", concat(new String[] { "epub:type", landmark[0], "href", ref.getCompleteHref() }, ours))
                    .text(landmark[1])
                    .end()
                    .end();
            }
        }
        page.end();
        page.end();
        return page.finish();
    }

    private static void list(XhtmlPage page, List<TOCReference> refs, boolean rtl, String lang,
            Map<String, String> languages) {
        page.start("ol");
        for (TOCReference ref : refs) {
            String own = ref.getResource() == null ? null : languages.get(ref.getResource().getHref());
            String other = own == null || own.equals(lang) ? null : own;
            page.start("li", "xml:lang", other, "lang", other);
            String dir = TextDirection.dir(ref.getTitle(), rtl);
            if (ref.getResource() == null) {
                page.start("span", "dir", dir).text(ref.getTitle()).end();
            }
            else {
                page.start("a", "href", ref.getCompleteHref(), "dir", dir).text(ref.getTitle()).end();
            }
            if (!ref.getChildren().isEmpty()) {
                list(page, ref.getChildren(), rtl, lang, languages);
            }
            page.end();
        }
        page.end();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

}
