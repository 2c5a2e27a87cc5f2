package dev.articleexporter.render.pdf;

import static dev.articleexporter.render.pdf.Layout.BODY_LEADING;
import static dev.articleexporter.render.pdf.Layout.blankToNull;

import dev.articleexporter.model.Related;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfStructureElement;

/**
 * The related links ("More from …") under their heading: a bulleted list, linked where
 * they have a URL. In the structure tree a list (L) of items, each with its bullet as
 * label and its text as body, the body holding the Link.
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
        Tagging tags = layout.tags();
        Flow flow = layout.flow();
        List<Chunk> headingText = st.chunks(related.heading(), st.endHeading);
        layout.keepWithNext(22f + 16f + 4f + 2 * BODY_LEADING);
        flow.add(layout.block(headingText, 16f), 22f, 4f, layout.heading(layout.parent(), 1, headingText));

        PdfStructureElement list = tags.child(layout.parent(), PdfName.L);
        for (Related.Link link : related.links()) {
            boolean linked = blankToNull(link.url()) != null;
            List<Chunk> text = st.chunks(link.title(), linked ? st.listLink : st.listItem);
            PdfStructureElement item = tags.child(list, PdfName.LI);
            PdfStructureElement label = tags.child(item, PdfName.LBL);
            String words = Layout.content(text);
            PdfStructureElement content;
            if (linked) {
                PdfStructureElement body = tags.child(item, PdfName.LBODY, st.language(words));
                content = tags.text(body, PdfName.LINK, words, st);
                String tag = flow.link(new PdfAction(link.url()), link.title(), content);
                text.forEach(c -> c.setGenericTag(tag));
            }
            else {
                content = tags.text(item, PdfName.LBODY, words, st);
            }
            Element block = layout.block(text, BODY_LEADING, layout.textWidth() - BULLET_WIDTH);
            // the bullet on the side the article starts, on the item's first line
            float baseline = itemStart(flow, block) - BODY_LEADING;
            flow.add(block, 0f, 2f, content, st.rtl ? 0f : BULLET_WIDTH, st.rtl ? BULLET_WIDTH : 0f);
            bullet(flow, label, baseline);
        }
    }

    /**
     * Where the item's first line will start: here, or at the top of the next page when
     * not even that line fits.
     */
    private static float itemStart(Flow flow, Element block) {
        float need = block instanceof Paragraph p ? p.getTotalLeading() : BODY_LEADING;
        if (flow.room() < need) {
            flow.newPage();
        }
        return flow.room() + flow.doc().bottom();
    }

    private void bullet(Flow flow, PdfStructureElement label, float baseline) {
        float x = st.rtl ? flow.doc().right() - st.text.width("•", st.bullet) : flow.doc().left();
        flow.text("•", st.bullet, x, baseline, label);
    }

}
