package dev.articleexporter.render.pdf;

/**
 * What a PDF claims beyond its looks ({@code exporter.pdf.profile},
 * {@code --pdf-profile}).
 */
public enum PdfProfile {

    /**
     * The default: PDF/A-2a (PDF 1.7, XMP metadata matching the document information, an
     * sRGB output intent, fonts without a partial CIDSet) and a tagged PDF/UA-1 file.
     */
    ARCHIVE,

    /**
     * A plain PDF 1.7: untagged, no XMP, no output intent; the smallest file.
     */
    NONE;

    public static final String DEFAULT = "archive";

    /** Whether the layout tags its content (a structure tree and marked content). */
    public boolean tagged() {
        return this == ARCHIVE;
    }

}
