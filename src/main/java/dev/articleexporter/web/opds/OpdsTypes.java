package dev.articleexporter.web.opds;

/**
 * Media types and link relations of OPDS 1.2 (and the two of OPDS 2.0). The files' media
 * types come from their output formats ({@code OutputFormat#mediaType}); {@link #EPUB}
 * and {@link #PDF} only name the built-in ones, for the catalog's readers.
 */
public final class OpdsTypes {

    public static final String NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation";

    public static final String ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition";

    /** A complete catalog entry document (OPDS 1.2, x.2). */
    public static final String ENTRY = "application/atom+xml;type=entry;profile=opds-catalog";

    public static final String OPENSEARCH = "application/opensearchdescription+xml";

    public static final String EPUB = "application/epub+zip";

    public static final String PDF = "application/pdf";

    public static final String REL_ACQUISITION = "http://opds-spec.org/acquisition";

    /** A cover ({@code http://opds-spec.org/image}) and its thumbnail. */
    public static final String REL_IMAGE = "http://opds-spec.org/image";

    public static final String REL_THUMBNAIL = "http://opds-spec.org/image/thumbnail";

    /** An OPDS 2.0 feed (JSON). */
    public static final String OPDS2 = "application/opds+json";

    /** An OPDS 2.0 publication on its own (JSON). */
    public static final String OPDS2_PUBLICATION = "application/opds-publication+json";

    public static final String REL_SORT_NEW = "http://opds-spec.org/sort/new";

    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    public static final String DC_NS = "http://purl.org/dc/terms/";

    public static final String OPDS_NS = "http://opds-spec.org/2010/catalog";

    public static final String OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/";

    /** RFC 4685, for {@code thr:count} on links to section feeds. */
    public static final String THREAD_NS = "http://purl.org/syndication/thread/1.0";

    private OpdsTypes() {
    }

}
