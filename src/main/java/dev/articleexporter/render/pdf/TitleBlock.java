package dev.articleexporter.render.pdf;

import static dev.articleexporter.render.pdf.Layout.blankToNull;

import dev.articleexporter.model.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Chunk;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfStructureElement;

/**
 * The top of a story: its title (the heading of the story's level), the line of site,
 * section and date, the byline, the link to it, a hairline.
 */
final class TitleBlock {

    private static final float TITLE_RULE_GAP = 11f;

    private final Layout layout;

    private final Styles st;

    TitleBlock(Layout layout) {
        this.layout = layout;
        this.st = layout.styles();
    }

    /**
     * @param article the story's bookmark, placed at the title, or {@code null}
     * @param destination a named destination at the title, or {@code null}
     */
    void write(Meta m, PageDecorations.Bookmark article, String destination) {
        Tagging tags = layout.tags();
        Flow flow = layout.flow();
        PdfStructureElement parent = layout.parent();
        List<Chunk> title = st.chunks(m.title(), st.title);
        PdfStructureElement heading = layout.heading(parent, 0, title);
        if (article != null) {
            title.getFirst().setGenericTag(article.tag());
            article.heading(heading);
        }
        if (destination != null) {
            title.getFirst().setLocalDestination(destination);
        }
        List<String> parts = new ArrayList<>(3);
        if (blankToNull(m.site()) != null) {
            parts.add(m.site());
        }
        if (blankToNull(m.section()) != null) {
            parts.add(m.section());
        }
        if (m.published() != null) {
            parts.add(m.published().display(Locale.forLanguageTag(m.language())));
        }
        boolean byline = blankToNull(m.author()) != null;
        boolean url = blankToNull(m.url()) != null;
        int lines = (parts.isEmpty() ? 0 : 1) + (byline ? 1 : 0) + (url ? 1 : 0);
        // the space after the block: a hairline halfway through it
        float last = TITLE_RULE_GAP * 2;

        flow.add(layout.block(title, 26f), 0f, lines == 0 ? last : 6f, heading);
        if (!parts.isEmpty()) {
            lines--;
            layout.paragraph(parent, st.chunks(String.join("  ·  ", parts), st.metaLine), 13f, 0f,
                    lines == 0 ? last : 0f);
        }
        if (byline) {
            lines--;
            layout.paragraph(parent, st.chunks("By " + m.author(), st.byline), 13f, 0f, lines == 0 ? last : 0f);
        }
        if (url) {
            PdfStructureElement p = tags.child(parent, PdfName.P);
            PdfStructureElement link = tags.text(p, PdfName.LINK, m.url(), st);
            List<Chunk> chunks = st.chunks(m.url(), st.link);
            String tag = flow.link(new PdfAction(m.url()), m.url(), link);
            chunks.forEach(c -> c.setGenericTag(tag));
            flow.add(layout.block(chunks, 12.5f), 0f, last, link);
        }
        layout.hairline(TITLE_RULE_GAP);
    }

}
