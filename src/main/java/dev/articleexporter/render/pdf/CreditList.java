package dev.articleexporter.render.pdf;

import dev.articleexporter.model.CreditLine;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfStructureElement;

/**
 * The photo credits at the end of a story: each credit with the slides it covers; in the
 * structure tree a list with an item per credit.
 */
final class CreditList {

    private final Layout layout;

    private final Styles st;

    CreditList(Layout layout) {
        this.layout = layout;
        this.st = layout.styles();
    }

    void write(List<CreditLine> credits) {
        Tagging tags = layout.tags();
        List<Chunk> heading = st.chunks("Photo credits", st.endHeading);
        layout.keepWithNext(18f + 16f + 3f + 2 * 12.5f);
        layout.flow().add(layout.block(heading, 16f), 18f, 3f, layout.heading(layout.parent(), 1, heading));
        PdfStructureElement list = tags.child(layout.parent(), PdfName.L);
        for (CreditLine credit : credits) {
            List<Chunk> line = new ArrayList<>(st.chunks(credit.credit(), st.creditItem));
            if (!credit.slides().isEmpty()) {
                line.addAll(st.chunks(" — " + credit.slidesText(), st.caption));
            }
            PdfStructureElement item = tags.child(list, PdfName.LI);
            layout.flow()
                .add(layout.block(line, 12.5f), 0f, 0f, tags.text(item, PdfName.LBODY, Layout.content(line), st));
        }
    }

}
