package dev.articleexporter.render.pdf;

import dev.articleexporter.model.CreditLine;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;

/** The photo credits at the end of a story: each credit with the slides it covers. */
final class CreditList {

    private final Layout layout;

    private final Styles st;

    CreditList(Layout layout) {
        this.layout = layout;
        this.st = layout.styles();
    }

    void write(List<CreditLine> credits) {
        Element heading = layout.block(st.chunks("Photo credits", st.endHeading), 16f);
        layout.spaced(heading, 18f, 3f);
        layout.keepWithNext(18f + 16f + 3f + 2 * 12.5f);
        layout.doc().add(heading);
        for (CreditLine credit : credits) {
            List<Chunk> line = new ArrayList<>(st.chunks(credit.credit(), st.creditItem));
            if (!credit.slides().isEmpty()) {
                line.addAll(st.chunks(" — " + credit.slidesText(), st.caption));
            }
            layout.doc().add(layout.block(line, 12.5f));
        }
    }

}
