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

/**
 * The package document ({@code content.opf}) and the NCX ({@code toc.ncx}) of an EPUB
 * 2.0.1 book, from an epub4j {@link Book}: the same elements and attributes epub4j's
 * {@code PackageDocumentWriter} and {@code NCXDocument} write.
 *
 * <p>
 * Ours because epub4j's go through an XmlSerializer over an OutputStreamWriter, which
 * encodes every tiny string on its own: 8-10 % of an export's CPU time under the
 * launcher's C1-only JIT. Here each document is built in one StringBuilder and encoded
 * once. All text from the book goes through {@link Markup#esc}: escaped, and characters
 * XML 1.0 cannot hold dropped.
 */
final class PackageDocument {

    static final String NCX_ID = "ncx";
    static final String NCX_HREF = "toc.ncx";

    private static final String BOOK_ID = "BookId";

    private static final String GENERATOR = "article-exporter";

    private PackageDocument() {
    }

    // ---- content.opf
    // -------------------------------------------------------------------------

    /**
     * The package document, UTF-8; its manifest lists the NCX of {@link #ncx} as
     * {@value #NCX_ID}.
     */
    static byte[] opf(Book book) {
        Metadata md = book.getMetadata();
        StringBuilder b = new StringBuilder(1024 + 128 * book.getResources().size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<opf:package version=\"2.0\" unique-identifier=\"")
            .append(BOOK_ID)
            .append("\" xmlns:opf=\"http://www.idpf.org/2007/opf\"")
            .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
            .append("  <opf:metadata>\n");
        Identifier bookId = Identifier.getBookIdIdentifier(md.getIdentifiers());
        if (bookId != null) {
            identifier(b, bookId, true);
            for (Identifier other : md.getIdentifiers()) {
                if (other != bookId) {
                    identifier(b, other, false);
                }
            }
        }
        dc(b, "title", md.getTitles());
        dc(b, "subject", md.getSubjects());
        dc(b, "description", md.getDescriptions());
        dc(b, "publisher", md.getPublishers());
        dc(b, "type", md.getTypes());
        dc(b, "rights", md.getRights());
        person(b, "creator", md.getAuthors());
        person(b, "contributor", md.getContributors());
        for (Date date : md.getDates()) {
            b.append("    <dc:date");
            if (date.getEvent() != null) {
                b.append(" opf:event=\"").append(esc(date.getEvent().toString())).append('"');
            }
            b.append('>').append(esc(date.getValue())).append("</dc:date>\n");
        }
        if (!isBlank(md.getLanguage())) {
            b.append("    <dc:language>").append(esc(md.getLanguage())).append("</dc:language>\n");
        }
        // Left out: Metadata.getOtherProperties(), which epub4j writes as EPUB 3 <meta
        // property>,
        // not allowed in EPUB 2. We set none.
        if (book.getCoverImage() != null) {
            b.append("    <opf:meta name=\"cover\" content=\"")
                .append(esc(book.getCoverImage().getId()))
                .append("\"/>\n");
        }
        b.append("    <opf:meta name=\"generator\" content=\"")
            .append(GENERATOR)
            .append("\"/>\n")
            .append("  </opf:metadata>\n");

        b.append("  <opf:manifest>\n");
        item(b, NCX_ID, NCX_HREF, MediaTypes.NCX.getName());
        // Sorted by id, ignoring case, as epub4j does: the order of Resources (a HashMap)
        // means nothing.
        List<Resource> resources = new ArrayList<>(book.getResources().getAll());
        resources.sort((r1, r2) -> r1.getId().compareToIgnoreCase(r2.getId()));
        for (Resource r : resources) {
            // the NCX is the one written above
            if (!MediaTypes.NCX.equals(r.getMediaType())) {
                item(b, r.getId(), r.getHref(), r.getMediaType().getName());
            }
        }
        b.append("  </opf:manifest>\n");

        b.append("  <opf:spine toc=\"").append(NCX_ID).append("\">\n");
        Resource cover = book.getCoverPage();
        if (cover != null && book.getSpine().findFirstResourceById(cover.getId()) < 0) {
            // A cover page must be in the spine: epub4j puts it first, out of the reading
            // order.
            itemref(b, cover.getId(), false);
        }
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            itemref(b, ref.getResourceId(), ref.isLinear());
        }
        b.append("  </opf:spine>\n");

        b.append("  <opf:guide>\n");
        for (GuideReference ref : book.getGuide().getReferences()) {
            b.append("    <opf:reference type=\"")
                .append(esc(ref.getType()))
                .append("\" href=\"")
                .append(esc(ref.getCompleteHref()))
                .append('"');
            if (!isBlank(ref.getTitle())) {
                b.append(" title=\"").append(esc(ref.getTitle())).append('"');
            }
            b.append("/>\n");
        }
        b.append("  </opf:guide>\n</opf:package>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void identifier(StringBuilder b, Identifier identifier, boolean bookId) {
        b.append("    <dc:identifier");
        if (bookId) {
            b.append(" id=\"").append(BOOK_ID).append('"');
        }
        if (identifier.getScheme() != null) {
            b.append(" opf:scheme=\"").append(esc(identifier.getScheme())).append('"');
        }
        b.append('>').append(esc(identifier.getValue())).append("</dc:identifier>\n");
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

    private static void person(StringBuilder b, String element, List<Author> people) {
        for (Author person : people) {
            b.append("    <dc:").append(element);
            if (person.getRelator() != null) {
                b.append(" opf:role=\"").append(esc(person.getRelator().getCode())).append('"');
            }
            b.append(" opf:file-as=\"")
                .append(esc(fileAs(person)))
                .append("\">")
                .append(esc(name(person)))
                .append("</dc:")
                .append(element)
                .append(">\n");
        }
    }

    private static void item(StringBuilder b, String id, String href, String mediaType) {
        b.append("    <opf:item id=\"")
            .append(esc(id))
            .append("\" href=\"")
            .append(esc(href))
            .append("\" media-type=\"")
            .append(esc(mediaType))
            .append("\"/>\n");
    }

    private static void itemref(StringBuilder b, String idref, boolean linear) {
        b.append("    <opf:itemref idref=\"").append(esc(idref)).append(linear ? "\"/>\n" : "\" linear=\"no\"/>\n");
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
