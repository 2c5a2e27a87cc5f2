package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.render.TimeLimit;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays one story out into an open document, its own or the nightly digest it is part of:
 * the title block ({@link TitleBlock}), the intro, one block per slide
 * ({@link SlideBlock}), the related links ({@link RelatedList}) and the photo credits
 * ({@link CreditList}). It also holds what those parts share: a block of text in its
 * direction, the space around it, a hairline.
 *
 * <p>
 * Everything is placed through the document's {@link Flow}, inside the structure element
 * it belongs to: {@code parent} (the article's place in the tree), then a heading of
 * {@code level} for the title and one level down for the slides and the end lists.
 */
final class Layout {

    static final float BODY_LEADING = 15.5f;

    private final Flow flow;

    private final Styles st;

    private final PageDecorations decorations;

    private final float textWidth;

    /**
     * The slides' part keeps the pictures of the document, so a picture used twice is in
     * the file once.
     */
    private final SlideBlock slides;

    /** The story's element: the document, or the digest's article. */
    private PdfStructureElement parent;

    /** The heading level of the story's title. */
    private int level = 1;

    Layout(Flow flow, Styles styles, PageDecorations decorations) {
        this.flow = flow;
        this.st = styles;
        this.decorations = decorations;
        this.textWidth = flow.doc().right() - flow.doc().left();
        this.slides = new SlideBlock(this);
    }

    Flow flow() {
        return flow;
    }

    Tagging tags() {
        return flow.tags();
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

    /** The story's element, the parent of its parts. */
    PdfStructureElement parent() {
        return parent;
    }

    /** The heading level of the story's title; its parts' headings are one below. */
    int level() {
        return level;
    }

    void write(Story story) {
        write(story, null, null, null, 1);
    }

    /**
     * @param article the bookmark of the article, placed at its title, with the slides'
     * bookmarks under it; {@code null} puts the slides' bookmarks at the top of the
     * outline
     * @param destination a named destination at the title, for links to the article, or
     * {@code null}
     * @param element the story's element in the structure tree ({@code null}: the
     * document's)
     * @param titleLevel the heading level of the title
     */
    void write(Story story, PageDecorations.Bookmark article, String destination, PdfStructureElement element,
            int titleLevel) {
        this.parent = element;
        this.level = titleLevel;
        new TitleBlock(this).write(story.meta(), article, destination);
        for (String p : story.intro()) {
            paragraph(parent, st.chunks(p, st.intro), 17.5f, 0f, 8f);
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

    /** A block of text as a paragraph element of {@code parent}. */
    void paragraph(PdfStructureElement parent, List<Chunk> chunks, float leading, float before, float after) {
        Element block = block(chunks, leading);
        flow.add(block, before, after, tags().text(parent, PdfName.P, content(chunks), st));
    }

    /** A heading {@code down} levels below the story's title. */
    PdfStructureElement heading(PdfStructureElement parent, int down, List<Chunk> chunks) {
        return tags().heading(parent, level + down, content(chunks), st);
    }

    /**
     * A hairline across the text width, {@code above} points over the current position.
     */
    void hairline(float above) {
        flow.rule(above, Styles.RULE, 0.6f);
    }

    /**
     * A block of text: a plain paragraph when no bidi is needed, else a borderless
     * one-cell table, whose cell OpenPDF lays out with the run direction (bidi reordering
     * and Arabic shaping), right-aligned when right to left. Either way it flows and
     * splits over pages.
     */
    Element block(List<Chunk> chunks, float leading) {
        return block(chunks, leading, textWidth);
    }

    /** A block of text set in a column of {@code width}, e.g. an indented one. */
    Element block(List<Chunk> chunks, float leading, float width) {
        // between blocks: the article's time limit, if it has one
        TimeLimit.checkCurrent();
        String content = content(chunks);
        int direction = st.direction(content);
        if (direction == PdfWriter.RUN_DIRECTION_NO_BIDI) {
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
        for (List<Chunk> piece : BidiPieces.cut(chunks, content, width, direction, st.bidiPiece)) {
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
        if (flow.room() < needed) {
            flow.newPage();
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
