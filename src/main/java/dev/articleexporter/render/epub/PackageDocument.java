package dev.articleexporter.render.epub;

import static dev.articleexporter.render.epub.Markup.esc;

import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Date;
import io.documentnode.epub4j.domain.GuideReference;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Metadata;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.documentnode.epub4j.domain.TOCReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The package document ({@code content.opf}, EPUB 3.3) and the NCX ({@code toc.ncx}, kept
 * for EPUB 2 readers) of a book, from an epub4j {@link Book}, whose own writer knows only
 * EPUB 2.
 *
 * <p>
 * Each document is built in one StringBuilder and encoded once (epub4j's serializer
 * encodes every tiny string on its own: 8-10 % of an export's CPU time under the
 * launcher's C1-only JIT). All text from the book goes through {@link Markup#esc}:
 * escaped, and characters XML 1.0 cannot hold dropped.
 */
final class PackageDocument {

    static final String NCX_ID = "ncx";
    static final String NCX_HREF = "toc.ncx";

    private static final String BOOK_ID = "BookId";

    private static final String GENERATOR = "article-exporter";

    /**
     * What the package says beyond epub4j's metadata.
     *
     * @param modified when this version of the book was made,
     * {@code 2026-12-06T05:00:00Z}
     * @param rtl the book reads right to left
     * @param accessibility what it offers readers who read another way
     */
    record Extras(String modified, boolean rtl, Accessibility accessibility, Map<String, String> languages) {

        Extras(String modified, boolean rtl, Accessibility accessibility) {
            this(modified, rtl, accessibility, Map.of());
        }
    }

    private PackageDocument() {
    }

    // ---- content.opf
    // -------------------------------------------------------------------------

    /**
     * The package document, UTF-8; its manifest lists the NCX of {@link #ncx} as
     * {@value #NCX_ID} and the navigation document as {@value NavDocument#ID}.
     */
    static byte[] opf(Book book, Extras extras) {
        Metadata md = book.getMetadata();
        String lang = isBlank(md.getLanguage()) ? "en" : md.getLanguage();
        StringBuilder b = new StringBuilder(2048 + 128 * book.getResources().size());
        b.append(Markup.XML_DECLARATION)
            .append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"")
            .append(BOOK_ID)
            .append("\" xml:lang=\"")
            .append(esc(lang))
            .append('"')
            .append(extras.rtl() ? " dir=\"rtl\"" : "")
            .append(">\n")
            .append("  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        Identifier bookId = Identifier.getBookIdIdentifier(md.getIdentifiers());
        if (bookId != null) {
            b.append("    <dc:identifier id=\"").append(BOOK_ID).append("\">").append(esc(bookId.getValue()));
            b.append("</dc:identifier>\n");
        }
        dc(b, "title", md.getTitles());
        b.append("    <dc:language>").append(esc(lang)).append("</dc:language>\n");
        people(b, "creator", md.getAuthors());
        people(b, "contributor", md.getContributors());
        dc(b, "publisher", md.getPublishers());
        // EPUB 3 has one date, the publication's
        for (Date date : md.getDates()) {
            b.append("    <dc:date>").append(esc(date.getValue())).append("</dc:date>\n");
            break;
        }
        dc(b, "subject", md.getSubjects());
        dc(b, "description", md.getDescriptions());
        dc(b, "type", md.getTypes());
        dc(b, "rights", md.getRights());
        property(b, "dcterms:modified", extras.modified());
        for (String[] a11y : extras.accessibility().properties()) {
            property(b, a11y[0], a11y[1]);
        }
        if (book.getCoverImage() != null) {
            // what Kindle reads for the cover (EPUB 2), beside the item's cover-image
            // property
            b.append("    <meta name=\"cover\" content=\"").append(esc(book.getCoverImage().getId())).append("\"/>\n");
        }
        b.append("    <meta name=\"generator\" content=\"")
            .append(GENERATOR)
            .append("\"/>\n")
            .append("  </metadata>\n");

        b.append("  <manifest>\n");
        item(b, NCX_ID, NCX_HREF, MediaTypes.NCX.getName(), null);
        item(b, NavDocument.ID, NavDocument.HREF, MediaTypes.XHTML.getName(), "nav");
        // Sorted by id, ignoring case, as epub4j does: the order of Resources (a HashMap)
        // means nothing.
        List<Resource> resources = new ArrayList<>(book.getResources().getAll());
        resources.sort((r1, r2) -> r1.getId().compareToIgnoreCase(r2.getId()));
        Resource coverImage = book.getCoverImage();
        for (Resource r : resources) {
            // the NCX is the one written above
            if (!MediaTypes.NCX.equals(r.getMediaType())) {
                item(b, r.getId(), r.getHref(), r.getMediaType().getName(), r == coverImage ? "cover-image" : null);
            }
        }
        b.append("  </manifest>\n");

        b.append("  <spine toc=\"").append(NCX_ID).append('"');
        if (extras.rtl()) {
            b.append(" page-progression-direction=\"rtl\"");
        }
        b.append(">\n");
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            b.append("    <itemref idref=\"").append(esc(ref.getResourceId()));
            b.append(ref.isLinear() ? "\"/>\n" : "\" linear=\"no\"/>\n");
        }
        b.append("  </spine>\n");

        // The EPUB 2 guide: EPUB 3 readers take the landmarks, Kindle's ingestion this.
        if (!book.getGuide().getReferences().isEmpty()) {
            b.append("  <guide>\n");
            for (GuideReference ref : book.getGuide().getReferences()) {
                b.append("    <reference type=\"")
                    .append(esc(ref.getType()))
                    .append("\" href=\"")
                    .append(esc(ref.getCompleteHref()))
                    .append('"');
                if (!isBlank(ref.getTitle())) {
                    b.append(" title=\"").append(esc(ref.getTitle())).append('"');
                }
                b.append("/>\n");
            }
            b.append("  </guide>\n");
        }
        b.append("</package>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One element per value; blank values are left out, as epub4j does. */
    private static void dc(StringBuilder b, String element, List<String> values) {
        for (String value : values) {
            if (!isBlank(value)) {
                b.append("    <dc:")
                    .append(element)
                    .append('>')
                    .append(esc(value))
                    .append("</dc:")
                    .append(element)
                    .append(">\n");
            }
        }
    }

    /**
     * People and organisations, each with the name it sorts by ({@code file-as}) and its
     * role refining it.
     */
    private static void people(StringBuilder b, String element, List<Author> people) {
        int n = 0;
        for (Author person : people) {
            String id = element + (++n);
            b.append("    <dc:")
                .append(element)
                .append(" id=\"")
                .append(id)
                .append("\">")
                .append(esc(name(person)))
                .append("</dc:")
                .append(element)
                .append(">\n");
            b.append("    <meta refines=\"#").append(id).append("\" property=\"file-as\">");
            b.append(esc(fileAs(person))).append("</meta>\n");
            if (person.getRelator() != null) {
                b.append("    <meta refines=\"#").append(id).append("\" property=\"role\" scheme=\"marc:relators\">");
                b.append(esc(person.getRelator().getCode())).append("</meta>\n");
            }
        }
    }

    private static void property(StringBuilder b, String property, String value) {
        b.append("    <meta property=\"").append(property).append("\">").append(esc(value)).append("</meta>\n");
    }

    private static void item(StringBuilder b, String id, String href, String mediaType, String properties) {
        b.append("    <item id=\"")
            .append(esc(id))
            .append("\" href=\"")
            .append(esc(href))
            .append("\" media-type=\"")
            .append(esc(mediaType))
            .append('"');
        if (properties != null) {
            b.append(" properties=\"").append(properties).append('"');
        }
        b.append("/>\n");
    }

    // ---- toc.ncx
    // -----------------------------------------------------------------------------

    /** The NCX of the book's table of contents, UTF-8. */
    static byte[] ncx(Book book) {
        Metadata md = book.getMetadata();
        List<TOCReference> toc = book.getTableOfContents().getTocReferences();
        StringBuilder b = new StringBuilder(1024 + 256 * book.getTableOfContents().size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<ncx version=\"2005-1\" xmlns=\"http://www.daisy.org/z3986/2005/ncx/\">\n")
            .append("  <head>\n");
        Identifier bookId = Identifier.getBookIdIdentifier(md.getIdentifiers());
        // dtb:uid must be the package's unique identifier (epub4j names each identifier's
        // meta by its scheme).
        meta(b, "dtb:uid", bookId == null ? "" : esc(bookId.getValue()));
        meta(b, "dtb:generator", GENERATOR);
        meta(b, "dtb:depth", Integer.toString(depth(toc)));
        meta(b, "dtb:totalPageCount", "0");
        meta(b, "dtb:maxPageNumber", "0");
        b.append("  </head>\n");
        b.append("  <docTitle>\n    <text>").append(esc(book.getTitle())).append("</text>\n  </docTitle>\n");
        for (Author author : md.getAuthors()) {
            b.append("  <docAuthor>\n    <text>").append(esc(fileAs(author))).append("</text>\n  </docAuthor>\n");
        }
        b.append("  <navMap>\n");
        navPoints(b, toc, 1, 2);
        b.append("  </navMap>\n</ncx>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void meta(StringBuilder b, String name, String escapedContent) {
        b.append("    <meta name=\"").append(name).append("\" content=\"").append(escapedContent).append("\"/>\n");
    }

    /**
     * Writes the entries depth first, numbered in reading order from {@code playOrder};
     * returns the next number. An entry without a page has no navPoint of its own: its
     * children take its place.
     */
    private static int navPoints(StringBuilder b, List<TOCReference> refs, int playOrder, int indent) {
        for (TOCReference ref : refs) {
            if (ref.getResource() == null) {
                playOrder = navPoints(b, ref.getChildren(), playOrder, indent);
                continue;
            }
            String pad = "  ".repeat(indent);
            b.append(pad)
                .append("<navPoint id=\"navPoint-")
                .append(playOrder)
                .append("\" playOrder=\"")
                .append(playOrder)
                .append("\" class=\"chapter\">\n")
                .append(pad)
                .append("  <navLabel>\n")
                .append(pad)
                .append("    <text>")
                .append(esc(ref.getTitle()))
                .append("</text>\n")
                .append(pad)
                .append("  </navLabel>\n")
                .append(pad)
                .append("  <content src=\"")
                .append(esc(ref.getCompleteHref()))
                .append("\"/>\n");
            playOrder = navPoints(b, ref.getChildren(), playOrder + 1, indent + 1);
            b.append(pad).append("</navPoint>\n");
        }
        return playOrder;
    }

    /** Levels of navPoints {@link #navPoints} writes for {@code refs}. */
    private static int depth(List<TOCReference> refs) {
        int depth = 0;
        for (TOCReference ref : refs) {
            depth = Math.max(depth, (ref.getResource() == null ? 0 : 1) + depth(ref.getChildren()));
        }
        return depth;
    }

    // ---- people
    // ------------------------------------------------------------------------------

    /**
     * "first last", as epub4j writes it; without epub4j's stray space when a part is
     * empty (a one-word name is split as first name "" and last name "Reuters").
     */
    private static String name(Author author) {
        String first = trimmed(author.getFirstname());
        String last = trimmed(author.getLastname());
        return first.isEmpty() || last.isEmpty() ? first + last : first + " " + last;
    }

    /**
     * "last, first", as epub4j writes it; without the trailing ", " when there is no
     * first name.
     */
    private static String fileAs(Author author) {
        String first = trimmed(author.getFirstname());
        String last = trimmed(author.getLastname());
        return first.isEmpty() || last.isEmpty() ? last + first : last + ", " + first;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

}
