package dev.articleexporter.render.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Page events of one document (never shared): the footer "running title … page X of Y" on
 * every page, and the outline: each {@link Bookmark} is made when the chunk carrying its
 * tag is actually placed, so it points at the page its heading landed on.
 *
 * <p>
 * The running title is drawn through the font chain like the body text; in a
 * right-to-left article it sits on the right and the page numbers on the left.
 */
final class PageDecorations extends PdfPageEventHelper {

    private static final String TAG_PREFIX = "bookmark:";

    /** An outline entry's structure element (ISO 32000-1, 12.3.3). */
    private static final PdfName STRUCTURE_ELEMENT = new PdfName("SE");

    private static final float FOOTER_SIZE = 8f;

    /** Footer baseline, measured up from the page's bottom edge. */
    private static final float FOOTER_BASELINE = 30f;

    private final BaseFont font;

    private final Styles styles;

    private final String title;

    /** Bookmarks asked for and not yet placed, by number. */
    private final Map<Integer, Bookmark> pending = new HashMap<>();

    private int bookmarks;

    private Consumer<Bookmark> placed = b -> {
    };

    private PdfTemplate total;

    private float totalReserve;

    private String runningTitle;

    /** The document's structure tree, for marking the footer as an artifact. */
    private Tagging tags = Tagging.NONE;

    /**
     * The running title as chunks of the chain's fonts, or null when the primary font
     * draws it without bidi.
     */
    private Phrase runningPhrase;

    private int titleDirection;

    /**
     * @param title the running title in the footer
     */
    PageDecorations(Styles styles, String title) {
        this.font = styles.footer.primary.getBaseFont();
        this.styles = styles;
        this.title = title;
    }

    /**
     * An entry of the document's outline, made where a chunk carrying its {@link #tag()}
     * as generic tag is placed. Its parent must be placed first (a section heading before
     * its articles).
     */
    static final class Bookmark {

        private final Bookmark parent;

        private final String title;

        private final boolean open;

        private final String tag;

        private PdfOutline outline;

        /** The heading's element in the structure tree, or {@code null}. */
        private PdfStructureElement heading;

        private int page;

        private Bookmark(Bookmark parent, String title, boolean open, String tag) {
            this.parent = parent;
            this.title = title;
            this.open = open;
            this.tag = tag;
        }

        /** The generic tag to set on the first chunk of the heading it points at. */
        String tag() {
            return tag;
        }

        /**
         * The structure element of the heading it points at: the outline entry refers to
         * it too, for assistive technology.
         */
        void heading(PdfStructureElement element) {
            this.heading = element;
        }

        /** The page it landed on, or 0 before it is placed. */
        int page() {
            return page;
        }

    }

    /**
     * A new bookmark.
     * @param parent {@code null} for the top level of the outline
     * @param open whether its children show when the document opens
     */
    Bookmark bookmark(Bookmark parent, String title, boolean open) {
        int n = bookmarks++;
        Bookmark bookmark = new Bookmark(parent, title, open, TAG_PREFIX + n);
        pending.put(n, bookmark);
        return bookmark;
    }

    /**
     * Told of each bookmark as it is placed, e.g. to print its page number in a list of
     * contents.
     */
    void onPlaced(Consumer<Bookmark> listener) {
        this.placed = listener;
    }

    /**
     * The document's structure tree: the footer is marked as an artifact. Before the
     * first page ends.
     */
    void tags(Tagging tags) {
        this.tags = tags;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        // Digits of Liberation Sans share one width: reserve two for the total and let a
        // three-digit total run a little into the margin (the template is wide enough).
        totalReserve = font.getWidthPoint("00", FOOTER_SIZE);
        total = writer.getDirectContent().createTemplate(font.getWidthPoint("00000", FOOTER_SIZE), FOOTER_SIZE + 4f);
        float available = document.right() - document.left() - font.getWidthPoint("page 999 of 999", FOOTER_SIZE) - 24f;
        runningTitle = truncate(title.replaceAll("\\s+", " ").strip(), available);
        List<Chunk> chunks = styles.text.chunks(runningTitle, styles.footer, false);
        titleDirection = styles.direction(runningTitle);
        if (chunks.size() > 1 || chunks.getFirst().getFont() != styles.footer.primary
                || titleDirection != PdfWriter.RUN_DIRECTION_NO_BIDI) {
            runningPhrase = new Phrase(FOOTER_SIZE);
            runningPhrase.addAll(chunks);
        }
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        boolean rtl = styles.rtl;
        String page = "page " + writer.getPageNumber() + " of ";
        float totalX = rtl ? left + font.getWidthPoint(page, FOOTER_SIZE) : right - totalReserve;
        // not content: a screen reader skips it
        tags.beginPagination(cb);
        cb.saveState();
        cb.setColorStroke(Styles.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, FOOTER_BASELINE + 11f);
        cb.lineTo(right, FOOTER_BASELINE + 11f);
        cb.stroke();
        cb.beginText();
        cb.setFontAndSize(font, FOOTER_SIZE);
        cb.setColorFill(Styles.GREY);
        if (runningPhrase == null) {
            cb.showTextAligned(Element.ALIGN_LEFT, runningTitle, left, FOOTER_BASELINE, 0f);
        }
        cb.showTextAligned(rtl ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT, page, rtl ? left : totalX, FOOTER_BASELINE,
                0f);
        cb.endText();
        if (runningPhrase != null) {
            // ColumnText applies the bidi algorithm and Arabic shaping; here (unlike in a
            // cell) the
            // alignment is not mirrored for a right-to-left run direction.
            ColumnText.showTextAligned(cb, rtl ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, runningPhrase,
                    rtl ? right : left, FOOTER_BASELINE, 0f, titleDirection, 0);
        }
        cb.addTemplate(total, totalX, FOOTER_BASELINE - 2f);
        cb.restoreState();
        tags.endArtifact(cb);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, FOOTER_SIZE);
        total.setColorFill(Styles.GREY);
        total.showTextAligned(Element.ALIGN_LEFT, String.valueOf(writer.getPageNumber() - 1), 0f, 2f, 0f);
        total.endText();
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
        if (!text.startsWith(TAG_PREFIX)) {
            return;
        }
        // Removed once placed: a chunk split over lines reports each piece; bookmark the
        // first only.
        Bookmark bookmark = pending.remove(Integer.parseInt(text.substring(TAG_PREFIX.length())));
        if (bookmark == null) {
            return;
        }
        float top = Math.min(rect.getTop() + 12f, document.getPageSize().getHeight());
        PdfOutline parent = bookmark.parent == null || bookmark.parent.outline == null ? writer.getRootOutline()
                : bookmark.parent.outline;
        bookmark.outline = new PdfOutline(parent, new PdfDestination(PdfDestination.FITH, top), bookmark.title,
                bookmark.open);
        if (bookmark.heading != null) {
            bookmark.outline.put(STRUCTURE_ELEMENT, bookmark.heading.getReference());
        }
        bookmark.page = writer.getPageNumber();
        placed.accept(bookmark);
    }

    private String truncate(String text, float maxWidth) {
        if (width(text) <= maxWidth) {
            return text;
        }
        float ellipsis = font.getWidthPoint("…", FOOTER_SIZE);
        int end = text.length();
        while (end > 0 && width(text.substring(0, end)) + ellipsis > maxWidth) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private float width(String text) {
        return styles.text.width(text, styles.footer);
    }

}
