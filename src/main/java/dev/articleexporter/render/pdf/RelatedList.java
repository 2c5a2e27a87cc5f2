package dev.articleexporter.render.pdf;

import static dev.articleexporter.render.pdf.Layout.BODY_LEADING;
import static dev.articleexporter.render.pdf.Layout.blankToNull;

import dev.articleexporter.model.Related;
import dev.articleexporter.render.TimeLimit;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.ListItem;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The related links ("More from …") under their heading: a bulleted list, linked where
 * they have a URL.
 */
final class RelatedList {

    private static final float BULLET_WIDTH = 14f;

    private final Layout layout;

    private final Styles st;

    RelatedList(Layout layout) {
        this.layout = layout;
        this.st = layout.styles();
    }

    void write(Related related) {
        Element heading = layout.block(st.chunks(related.heading(), st.endHeading), 16f);
        layout.spaced(heading, 22f, 4f);
        layout.keepWithNext(22f + 16f + 4f + 2 * BODY_LEADING);
        layout.doc().add(heading);

        List<List<Chunk>> items = new ArrayList<>(related.links().size());
        boolean bidi = st.rtl;
        for (Related.Link link : related.links()) {
            boolean linked = blankToNull(link.url()) != null;
            List<Chunk> text = st.chunks(link.title(), linked ? st.listLink : st.listItem);
            if (linked) {
                text.forEach(c -> c.setAnchor(link.url()));
            }
            items.add(text);
            bidi |= st.direction(Layout.content(text)) != PdfWriter.RUN_DIRECTION_NO_BIDI;
        }
        if (bidi) {
            layout.doc().add(bidiList(items));
            return;
        }
        org.openpdf.text.List list = new org.openpdf.text.List(false, BULLET_WIDTH);
        list.setListSymbol(new Chunk("•", st.bullet.primary));
        for (List<Chunk> text : items) {
            ListItem item = new ListItem(BODY_LEADING, text.getFirst());
            for (int i = 1; i < text.size(); i++) {
                item.add(item.size(), text.get(i));
            }
            item.setSpacingAfter(2f);
            item.setFont(st.spacer);
            list.add(item);
        }
        layout.doc().add(list);
    }

    /**
     * A list some of whose items need bidi: a two-column table, the bullets on the side
     * the article starts.
     */
    private PdfPTable bidiList(List<List<Chunk>> items) {
        float textWidth = layout.textWidth();
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100f);
        table.setSplitLate(false);
        table.setRunDirection(st.rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        try {
            table.setWidths(new float[] { BULLET_WIDTH, textWidth - BULLET_WIDTH });
        }
        catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        for (List<Chunk> text : items) {
            TimeLimit.checkCurrent();
            String content = Layout.content(text);
            int direction = st.direction(content);
            if (direction == PdfWriter.RUN_DIRECTION_NO_BIDI) {
                direction = PdfWriter.RUN_DIRECTION_LTR;
            }
            // A long item: rows of whole lines (BidiPieces), the bullet in the first.
            List<List<Chunk>> pieces = BidiPieces.cut(text, content, textWidth - BULLET_WIDTH, direction, st.bidiPiece);
            for (int i = 0; i < pieces.size(); i++) {
                PdfPCell bullet = Layout.cell(i == 0 ? List.of(new Chunk("•", st.bullet.primary)) : List.of(),
                        BODY_LEADING, st.rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_NO_BIDI);
                table.addCell(bullet);
                PdfPCell cell = Layout.cell(pieces.get(i), BODY_LEADING, direction);
                if (i == pieces.size() - 1) {
                    cell.setPaddingBottom(cell.getPaddingBottom() + 2f);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

}
