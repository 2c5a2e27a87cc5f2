package dev.articleexporter.web.opds;

import java.time.Instant;
import java.util.List;

/** What a catalog document says, before it is written as XML by {@link AtomWriter}. */
final class Atom {

    private Atom() {
    }

    /**
     * An Atom feed.
     *
     * @param type its media type ({@link OpdsTypes#NAVIGATION} or
     * {@link OpdsTypes#ACQUISITION})
     * @param paging OpenSearch result counts of a paged feed, or {@code null}
     */
    record Feed(String id, String title, Instant updated, String type, List<Link> links, Paging paging,
            List<Entry> entries) {

        Feed {
            links = List.copyOf(links);
            entries = List.copyOf(entries);
        }
    }

    /**
     * An Atom entry; every optional part is {@code null} when unknown.
     *
     * @param issued when the publication first appeared (W3CDTF), not when the entry
     * changed
     * @param summary a plain-text description ({@code atom:summary type="text"})
     * @param content a plain-text description ({@code atom:content type="text"}), for
     * entries without a summary
     */
    record Entry(String id, String title, Instant updated, String author, String language, String issued,
            String publisher, String category, String summary, String content, List<Link> links) {

        Entry {
            links = List.copyOf(links);
        }
    }

    /**
     * An {@code atom:link}.
     *
     * @param length size in bytes of what it points to, or {@code null}
     * @param count how many items the linked feed holds ({@code thr:count}), or
     * {@code null}
     * @param width of an image, in pixels, or {@code null} (not written in Atom; OPDS 2
     * has it)
     * @param height of an image, in pixels, or {@code null}
     */
    record Link(String rel, String href, String type, String title, Long length, Long count, Integer width,
            Integer height) {

        Link(String rel, String href, String type, String title, Long length, Long count) {
            this(rel, href, type, title, length, count, null, null);
        }

        static Link of(String rel, String href, String type) {
            return new Link(rel, href, type, null, null, null);
        }

        Link titled(String newTitle) {
            return new Link(rel, href, type, newTitle, length, count, width, height);
        }
    }

    /**
     * OpenSearch response elements of one page.
     *
     * @param startIndex 1-based position of the page's first item in the whole result
     */
    record Paging(long totalResults, int itemsPerPage, long startIndex) {
    }

}
