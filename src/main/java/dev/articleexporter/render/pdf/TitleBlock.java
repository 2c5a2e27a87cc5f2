package dev.articleexporter.render.pdf;

import static dev.articleexporter.render.pdf.Layout.blankToNull;

import dev.articleexporter.model.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;

/**
 * The top of a story: its title, the line of site, section and date, the byline, the link
 * to it, a hairline.
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
        List<Element> block = new ArrayList<>(4);
        List<Chunk> title = st.chunks(m.title(), st.title);
        if (article != null) {
            title.getFirst().setGenericTag(article.tag());
        }
        if (destination != null) {
            title.getFirst().setLocalDestination(destination);
        }
        block.add(layout.spaced(layout.block(title, 26f), 0f, 6f));
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
        if (!parts.isEmpty()) {
            block.add(layout.block(st.chunks(String.join("  ·  ", parts), st.metaLine), 13f));
        }
        if (blankToNull(m.author()) != null) {
            block.add(layout.block(st.chunks("By " + m.author(), st.byline), 13f));
        }
        if (blankToNull(m.url()) != null) {
            List<Chunk> url = st.chunks(m.url(), st.link);
            url.forEach(c -> c.setAnchor(m.url()));
            block.add(layout.block(url, 12.5f));
        }
        Element last = block.getLast();
        layout.spaced(last, last == block.getFirst() ? 6f : 0f, TITLE_RULE_GAP * 2);
        for (Element e : block) {
            layout.doc().add(e);
        }
        layout.hairline(TITLE_RULE_GAP); // halfway through the space after the block
    }

}
