package dev.articleexporter.render.pdf;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Places the blocks of a document one under the other, page after page, each inside the
 * marked content of its structure element, so that the PDF is tagged in reading order.
 *
 * <p>
 * Blocks are set by OpenPDF's {@link ColumnText} on the page's direct content rather than
 * added to the {@link Document}: the document's own layout writes text, pictures and
 * tables into three different content streams at moments of its choosing, where no marked
 * content can be opened around them. Here each block is drawn at once, so the marks go
 * exactly around it. The spacing rules are the document's: no space before a block at the
 * top of a page, a block that does not fit flows on to the next page.
 *
 * <p>
 * Links are made here too ({@link #link}): as annotations carrying their place in the
 * structure tree, which OpenPDF's own chunk links cannot.
 */
final class Flow {

    private static final String LINK_PREFIX = "link:";

    /** Longest description of a link, in chars. */
    private static final int MAX_DESCRIPTION = 200;

    /** Below this much room a block starts on the next page. */
    private static final float MIN_ROOM = 8f;

    private final Document doc;

    private final PdfWriter writer;

    private final PdfContentByte cb;

    private final Tagging tags;

    /** Links asked for, by number: what each does, and its element. */
    private final Map<Integer, LinkTarget> links = new HashMap<>();

    /** The current position: the baseline of the last line placed, or the page's top. */
    private float y;

    /** Nothing placed on this page yet. */
    private boolean pageEmpty = true;

    private record LinkTarget(PdfAction action, String description, PdfStructureElement element) {
    }

    /**
     * @param doc an open document, on its first page
     */
    Flow(Document doc, PdfWriter writer) {
        this.doc = doc;
        this.writer = writer;
        this.cb = writer.getDirectContent();
        this.tags = Tagging.of(writer);
        this.y = doc.top();
        if (tags.tagged()) {
            // annotations in the order of the structure (PDF/UA)
            writer.setTabs(PdfName.S);
        }
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onGenericTag(PdfWriter w, Document d, Rectangle rect, String text) {
                placeLink(rect, text);
            }
        });
    }

    Tagging tags() {
        return tags;
    }

    Document doc() {
        return doc;
    }

    PdfWriter writer() {
        return writer;
    }

    /** Points left above the bottom margin. */
    float room() {
        return y - doc.bottom();
    }

    /** A new page, unless nothing was placed on this one yet. */
    void newPage() {
        if (!pageEmpty) {
            doc.newPage();
            y = doc.top();
            pageEmpty = true;
        }
    }

    /**
     * Places a block of text (a paragraph or a table) across the column, flowing over as
     * many pages as it needs.
     * @param tag its element, or {@code null} when untagged
     */
    void add(Element block, float before, float after, PdfStructureElement tag) {
        add(block, before, after, tag, 0f, 0f);
    }

    /**
     * Places a block of text indented from the column's edges.
     */
    void add(Element block, float before, float after, PdfStructureElement tag, float indentLeft, float indentRight) {
        space(before);
        float need = block instanceof Paragraph p ? p.getTotalLeading() : MIN_ROOM;
        if (room() < Math.max(need, MIN_ROOM)) {
            newPage();
        }
        ColumnText ct = new ColumnText(cb);
        ct.addElement(block);
        while (true) {
            ct.setSimpleColumn(doc.left() + indentLeft, doc.bottom(), doc.right() - indentRight, y);
            tags.begin(cb, tag);
            int status = go(ct);
            tags.end(cb, tag);
            if (ct.getYLine() < y) {
                pageEmpty = false;
            }
            y = ct.getYLine();
            if (!ColumnText.hasMoreText(status) || pageEmpty) {
                // done; or nothing fits even an empty page, which would loop for ever
                break;
            }
            newPage();
        }
        y -= after;
    }

    /**
     * Places a picture, centred; on the next page if it does not fit on this one.
     * @param figure its element, or {@code null}
     */
    void image(Image image, float before, float after, PdfStructureElement figure) {
        space(before);
        float height = image.getScaledHeight();
        float width = image.getScaledWidth();
        if (y - height < doc.bottom()) {
            newPage();
        }
        float x = doc.left() + (doc.right() - doc.left() - width) / 2f;
        tags.begin(cb, figure);
        try {
            cb.addImage(image, width, 0f, 0f, height, x, y - height);
        }
        catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        tags.end(cb, figure);
        y -= height + after;
        pageEmpty = false;
    }

    /**
     * A short text drawn at a point, e.g. a list's bullet, as the content of {@code tag}
     * (or an artifact when {@code null} in a tagged document).
     */
    void text(String text, TextSetter.Face face, float x, float baseline, PdfStructureElement tag) {
        if (tag == null) {
            tags.beginArtifact(cb);
        }
        tags.begin(cb, tag);
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(new Chunk(text, face.primary)), x, baseline, 0f);
        tags.end(cb, tag);
        if (tag == null) {
            tags.endArtifact(cb);
        }
    }

    /**
     * A rule across the column, {@code above} points over the current position: a
     * decoration, so an artifact.
     */
    void rule(float above, Color color, float lineWidth) {
        float at = y + above;
        tags.beginArtifact(cb);
        cb.saveState();
        cb.setColorStroke(color);
        cb.setLineWidth(lineWidth);
        cb.moveTo(doc.left(), at);
        cb.lineTo(doc.right(), at);
        cb.stroke();
        cb.restoreState();
        tags.endArtifact(cb);
    }

    /**
     * The generic tag that makes the chunks carrying it a link: an annotation over each
     * piece of them, with {@code description} for screen readers and its object reference
     * in {@code element} (a Link, or {@code null}).
     */
    String link(PdfAction action, String description, PdfStructureElement element) {
        int n = links.size();
        // every piece of a long link gets an annotation: each describes it briefly
        String brief = description;
        if (brief.length() > MAX_DESCRIPTION) {
            int end = MAX_DESCRIPTION - 1;
            end -= Character.isHighSurrogate(brief.charAt(end - 1)) ? 1 : 0;
            brief = brief.substring(0, end).stripTrailing() + "…";
        }
        links.put(n, new LinkTarget(action, brief, element));
        return LINK_PREFIX + n;
    }

    private void placeLink(Rectangle rect, String text) {
        if (!text.startsWith(LINK_PREFIX)) {
            return;
        }
        LinkTarget target = links.get(Integer.parseInt(text.substring(LINK_PREFIX.length())));
        if (target == null) {
            return;
        }
        // the tag's rectangle runs from the baseline up by the font size: take the
        // descenders in
        float descent = rect.getHeight() * 0.25f;
        PdfAnnotation annotation = new PdfAnnotation(writer, rect.getLeft(), rect.getBottom() - descent,
                rect.getRight(), rect.getTop(), target.action());
        // printable and nothing hidden: PDF/A
        annotation.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annotation.put(PdfName.CONTENTS, Tagging.text(target.description()));
        tags.annotation(target.element(), annotation);
        writer.addAnnotation(annotation);
    }

    /** Space before a block, except at the top of a page. */
    private void space(float before) {
        if (!pageEmpty) {
            y -= before;
        }
    }

    private static int go(ColumnText ct) {
        try {
            return ct.go();
        }
        catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

}
