package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Story;
import java.io.OutputStream;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * How every PDF of the application starts: the page size and margins, the writer's
 * settings and an article's document metadata. The article files and the nightly digest
 * share it.
 *
 * @param width page width, in points
 * @param height page height, in points
 */
record PageSetup(float width, float height) {

    static final String CREATOR = "article-exporter";

    /** Deflate level for page content and images (1 = fastest). */
    static final int COMPRESSION_LEVEL = 1;

    private static final float MARGIN_SIDE = 62f;

    private static final float MARGIN_TOP = 56f;

    private static final float MARGIN_BOTTOM = 64f;

    /**
     * @param pageSize {@code A4} or {@code letter}, case-insensitive
     * @throws IllegalArgumentException for any other value
     */
    static PageSetup of(String pageSize) {
        Rectangle size = switch (pageSize == null ? "" : pageSize.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> PageSize.A4;
            case "letter" -> PageSize.LETTER;
            default -> throw new IllegalArgumentException(
                    "Unsupported PDF page size '" + pageSize + "' (exporter.pdf.page-size): use A4 or letter");
        };
        return new PageSetup(size.getWidth(), size.getHeight());
    }

    /** An empty document of this page size and the margins. */
    Document newDocument() {
        return new Document(new Rectangle(width, height), MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
    }

    /**
     * The writer of {@code doc} into {@code out}, set up as every PDF of the application
     * is, claiming what {@code profile} claims. Call before the document information is
     * set and the document opened; for {@link PdfProfile#ARCHIVE} the writer is tagged
     * ({@link PdfWriter#isTagged()}: the layout must then tag what it draws) and adds the
     * output intent and the XMP metadata itself when the document closes
     * ({@link Archival}).
     */
    static PdfWriter openWriter(Document doc, OutputStream out, PdfProfile profile) {
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false); // the caller owns out
        writer.setCompressionLevel(COMPRESSION_LEVEL);
        // the outline open beside the pages, and the document's title (not its file name)
        // in the viewer's title bar
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
        // PDF/A-2 is based on PDF 1.7; without a profile we stay there too (OpenPDF's
        // default is 2.0, which nothing we use needs)
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        // objects in compressed object streams: the structure tree's many small
        // dictionaries cost a fraction of their plain size
        writer.setFullCompression();
        if (profile == PdfProfile.ARCHIVE) {
            // Not setPDFXConformance(PDFA2U): it adds nothing Archival lacks, but
            // applies PDF/X and PDF/A-1 rules, refusing the soft masks of
            // transparent pictures, which PDF/A-2 allows.
            writer.setTagged();
            // PDF/UA: links are visited in structure order
            writer.setTabs(PdfName.S);
            writer.setPageEvent(new Archival());
        }
        return writer;
    }

    /**
     * Closes a document left open by a failure; the original exception is the one that
     * matters.
     */
    static void closeQuietly(Document doc) {
        if (doc.isOpen()) {
            try {
                doc.close();
            }
            catch (RuntimeException ignored) {
                // already failing
            }
        }
    }

    /**
     * An article's title, author, subject, keywords and language, before the document is
     * opened.
     */
    static void addMetadata(Document doc, PdfWriter writer, Story story) {
        Meta meta = story.meta();
        doc.addTitle(meta.title());
        if (meta.creator() != null) {
            doc.addAuthor(meta.creator());
        }
        String subject = subject(story);
        if (subject != null) {
            doc.addSubject(subject);
        }
        if (!meta.keywords().isEmpty()) {
            doc.addKeywords(String.join(", ", meta.keywords()));
        }
        doc.addCreator(CREATOR);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(meta.language()));
    }

    /** The intro's first sentence, else the section name, else {@code null}. */
    static String subject(Story story) {
        for (String p : story.intro()) {
            if (p != null && !p.isBlank()) {
                return firstSentence(p.strip(), 250);
            }
        }
        return Layout.blankToNull(story.meta().section());
    }

    static String firstSentence(String text, int max) {
        int end = text.length();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        String s = text.substring(0, end);
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }
}
