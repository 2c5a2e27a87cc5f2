package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.render.TimeLimit;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays one story out into an open document, its own or the nightly digest it is part of:
 * the title block ({@link TitleBlock}), the intro, one block per slide
 * ({@link SlideBlock}), the related links ({@link RelatedList}) and the photo credits
 * ({@link CreditList}). It also holds what those parts share: a block of text in its
 * direction, the space around it, a hairline.
 */
final class Layout {

    static final float BODY_LEADING = 15.5f;

    private final Document doc;

    private final PdfWriter writer;

    private final Styles st;

    private final PageDecorations decorations;

    private final float textWidth;

    /**
     * The slides' part keeps the pictures of the document, so a picture used twice is in
     * the file once.
     */
    private final SlideBlock slides;

    Layout(Document doc, PdfWriter writer, Styles styles, PageDecorations decorations) {
        this.doc = doc;
        this.writer = writer;
        this.st = styles;
        this.decorations = decorations;
        this.textWidth = doc.right() - doc.left();
        this.slides = new SlideBlock(this);
    }

    Document doc() {
        return doc;
    }

    PdfWriter writer() {
        return writer;
    }

    Styles styles() {
        return st;
    }

    PageDecorations decorations() {
        return decorations;
    }

    /** Width of the text column, in points. */
    float textWidth() {
        return textWidth;
    }

    void write(Story story) {
        write(story, null, null);
    }

    /**
     * @param article the bookmark of the article, placed at its title, with the slides'
     * bookmarks under it; {@code null} puts the slides' bookmarks at the top of the
     * outline
     * @param destination a named destination at the title, for links to the article, or
     * {@code null}
     */
    void write(Story story, PageDecorations.Bookmark article, String destination) {
        new TitleBlock(this).write(story.meta(), article, destination);
        for (String p : story.intro()) {
            doc.add(spaced(block(st.chunks(p, st.intro), 17.5f), 0f, 8f));
        }
        for (Slide slide : story.slides()) {
            slides.write(slide, article);
        }
        if (story.related() != null && !story.related().links().isEmpty()) {
            new RelatedList(this).write(story.related());
        }
        if (!story.credits().isEmpty()) {
            new CreditList(this).write(story.credits());
        }
    }

    /**
     * A hairline across the text width, {@code above} points over the current position,
     * drawn directly (a LineSeparator chunk drags in a font of its own).
     */
    void hairline(float above) {
        float y = writer.getVerticalPosition(false) + above;
        PdfContentByte cb = writer.getDirectContent();
        cb.saveState();
        cb.setColorStroke(Styles.RULE);
        cb.setLineWidth(0.6f);
        cb.moveTo(doc.left(), y);
        cb.lineTo(doc.right(), y);
        cb.stroke();
        cb.restoreState();
    }

    /**
     * Sets the space around a block. OpenPDF makes that space of a paragraph as a line
     * holding one space character in the paragraph's font; a tiny font keeps it from
     * being read as part of the neighbouring line by text extraction (PDFBox otherwise
     * splits words: "B oats").
     */
    Element spaced(Element e, float before, float after) {
        if (e instanceof Paragraph p) {
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            p.setFont(st.spacer);
        }
        else if (e instanceof PdfPTable t) {
            t.setSpacingBefore(before);
            t.setSpacingAfter(after);
        }
        return e;
    }

    /**
     * A block of text: a plain paragraph when no bidi is needed, else a borderless
     * one-cell table, whose cell OpenPDF lays out with the run direction (bidi reordering
     * and Arabic shaping), right-aligned when right to left. Either way it flows and
     * splits over pages.
     */
    Element block(List<Chunk> chunks, float leading) {
        // between blocks: the article's time limit, if it has one
        TimeLimit.checkCurrent();
        String content = content(chunks);
        int direction = st.direction(content);
        if (direction == PdfWriter.RUN_DIRECTION_NO_BIDI) {
            // The paragraph takes the first chunk's font, which it also uses for its
            // spacing
            // lines (a bare Paragraph would bring in Helvetica).
            Paragraph p = new Paragraph(leading, chunks.getFirst());
            for (int i = 1; i < chunks.size(); i++) {
                // not add(chunk), which joins chunks of one font again
                p.add(p.size(), chunks.get(i));
            }
            return p;
        }
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100f);
        // a long paragraph splits at the page end like a paragraph
        table.setSplitLate(false);
        // A long block: rows of whole lines, which read as one cell (BidiPieces).
        for (List<Chunk> piece : BidiPieces.cut(chunks, content, textWidth, direction, st.bidiPiece)) {
            table.addCell(cell(piece, leading, direction));
        }
        return table;
    }

    static PdfPCell cell(List<Chunk> chunks, float leading, int direction) {
        Phrase phrase = new Phrase(leading);
        for (Chunk c : chunks) {
            // not addAll, which joins chunks of one font again
            phrase.add(phrase.size(), c);
        }
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0f);
        cell.setLeading(leading, 0f);
        cell.setRunDirection(direction);
        // In a right-to-left cell OpenPDF mirrors the alignment: ALIGN_LEFT means "at the
        // start",
        // which is the right edge.
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        return cell;
    }

    /** The text of the chunks, in one string. */
    static String content(List<Chunk> chunks) {
        if (chunks.size() == 1) {
            return chunks.getFirst().getContent();
        }
        StringBuilder s = new StringBuilder();
        chunks.forEach(c -> s.append(c.getContent()));
        return s.toString();
    }

    /**
     * A new page unless {@code needed} points are left: a heading stays with what follows
     * it.
     */
    void keepWithNext(float needed) {
        if (writer.getVerticalPosition(true) - doc.bottom() < needed) {
            doc.newPage();
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
