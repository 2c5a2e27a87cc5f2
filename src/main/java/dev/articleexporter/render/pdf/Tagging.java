package dev.articleexporter.render.pdf;

import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfStructureTreeRoot;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The structure tree of one document (tagged PDF, PDF/UA): the elements in reading order
 * and the marked content that ties what is drawn to them. OpenPDF has the pieces but tags
 * nothing itself, so the layout opens an element around each thing it draws. In an
 * untagged document every method does nothing and elements are {@code null}.
 *
 * <p>
 * OpenPDF lets an element hold either marked content or child elements; the two places
 * that need both (a figure with its caption, a link with its annotation) are handled
 * here.
 */
final class Tagging {

    static final PdfName ARTIFACT = new PdfName("Artifact");

    private static final PdfName PAGINATION = new PdfName("Pagination");

    /**
     * Longest text in a string entry, in chars: PDF/A allows strings of 32,767 bytes, and
     * these are UTF-16.
     */
    static final int MAX_STRING = 16_000;

    /** Nothing tagged. */
    static final Tagging NONE = new Tagging(null);

    private final PdfWriter writer;

    private final PdfStructureTreeRoot root;

    private final PdfStructureElement document;

    private Tagging(PdfWriter writer) {
        this.writer = writer;
        this.root = writer == null ? null : writer.getStructureTreeRoot();
        this.document = root == null ? null : new PdfStructureElement(root, PdfName.DOCUMENT);
    }

    /** The tree of a document open for writing: empty unless the writer is tagged. */
    static Tagging of(PdfWriter writer) {
        return new Tagging(writer.isTagged() ? writer : null);
    }

    boolean tagged() {
        return root != null;
    }

    /** The document element, the root of everything, or {@code null} when untagged. */
    PdfStructureElement document() {
        return document;
    }

    /**
     * A new element, the last child of {@code parent} (the document when {@code null}).
     */
    PdfStructureElement child(PdfStructureElement parent, PdfName type) {
        if (root == null) {
            return null;
        }
        return new PdfStructureElement(parent == null ? document : parent, type);
    }

    /**
     * A new element in a language other than the document's ({@code lang} may be
     * {@code null}: the document's).
     */
    PdfStructureElement child(PdfStructureElement parent, PdfName type, String lang) {
        PdfStructureElement e = child(parent, type);
        if (e != null && lang != null) {
            e.put(PdfName.LANG, new PdfString(lang));
        }
        return e;
    }

    /**
     * An element holding a block of text drawn in {@code styles}: marked with its
     * language when that is not the document's, and, when it needed bidi, with its text
     * in logical order. OpenPDF draws right-to-left text in visual order with Arabic
     * presentation forms, which assistive technology would read backwards. Not for a
     * block longer than a PDF string may be ({@link #MAX_STRING}): its glyphs are all
     * there is.
     */
    PdfStructureElement text(PdfStructureElement parent, PdfName type, String content, Styles styles) {
        if (root == null || styles.direction(content) == PdfWriter.RUN_DIRECTION_NO_BIDI) {
            // no right-to-left text: the document's language, drawn in logical order
            return child(parent, type);
        }
        PdfStructureElement e = child(parent, type, styles.language(content));
        if (content.length() <= MAX_STRING) {
            e.put(PdfName.ACTUALTEXT, text(content));
        }
        return e;
    }

    /** A heading of level 1 to 6 (H1 for an article's title), holding its text. */
    PdfStructureElement heading(PdfStructureElement parent, int level, String content, Styles styles) {
        return text(parent, new PdfName("H" + Math.max(1, Math.min(6, level))), content, styles);
    }

    /** A figure with its alternative text, which a screen reader reads instead. */
    PdfStructureElement figure(PdfStructureElement parent, String alt) {
        PdfStructureElement e = child(parent, PdfName.FIGURE);
        if (e != null) {
            e.put(PdfName.ALT, text(alt));
        }
        return e;
    }

    /**
     * The caption of a figure that already holds its picture: the picture's marked
     * content becomes an explicit reference, so that the figure can hold an element too.
     */
    PdfStructureElement caption(PdfStructureElement figure) {
        if (figure == null) {
            return null;
        }
        PdfObject k = figure.get(PdfName.K);
        if (k != null && k.isNumber()) {
            PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
            mcr.put(PdfName.PG, figure.get(PdfName.PG));
            mcr.put(PdfName.MCID, k);
            PdfArray kids = new PdfArray();
            kids.add(mcr);
            figure.put(PdfName.K, kids);
        }
        return new PdfStructureElement(figure, PdfName.CAPTION);
    }

    /** Opens the marked content of {@code e} on the page ({@code null}: nothing). */
    void begin(PdfContentByte cb, PdfStructureElement e) {
        if (e != null) {
            cb.beginMarkedContentSequence(e);
        }
    }

    void end(PdfContentByte cb, PdfStructureElement e) {
        if (e != null) {
            cb.endMarkedContentSequence();
        }
    }

    /**
     * Opens an artifact: drawing that is not content (rules, decorations), which screen
     * readers skip.
     */
    void beginArtifact(PdfContentByte cb) {
        if (root != null) {
            cb.beginMarkedContentSequence(ARTIFACT);
        }
    }

    /** Opens a pagination artifact: running titles and page numbers. */
    void beginPagination(PdfContentByte cb) {
        if (root != null) {
            PdfDictionary properties = new PdfDictionary();
            properties.put(PdfName.TYPE, PAGINATION);
            cb.beginMarkedContentSequence(ARTIFACT, properties, true);
        }
    }

    void endArtifact(PdfContentByte cb) {
        if (root != null) {
            cb.endMarkedContentSequence();
        }
    }

    /**
     * Ties a link annotation on the current page to its Link element (an object
     * reference), after the element's first marked content.
     */
    void annotation(PdfStructureElement link, PdfAnnotation annotation) {
        if (link == null) {
            return;
        }
        annotation.put(PdfName.STRUCTPARENT, new PdfNumber(root.addExistingObject(link.getReference())));
        PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
        objr.put(PdfName.OBJ, annotation.getIndirectReference());
        objr.put(PdfName.PG, writer.getCurrentPage());
        PdfObject k = link.get(PdfName.K);
        PdfArray kids;
        if (k != null && k.isArray()) {
            kids = (PdfArray) k;
        }
        else {
            // its first marked content (a number) stays first, as OpenPDF expects
            kids = new PdfArray();
            if (k != null) {
                kids.add(k);
            }
            link.put(PdfName.K, kids);
        }
        kids.add(objr);
    }

    /** Text of a dictionary entry, in UTF-16 when it needs more than PDFDocEncoding. */
    static PdfString text(String s) {
        return new PdfString(s, PdfObject.TEXT_UNICODE);
    }

}
