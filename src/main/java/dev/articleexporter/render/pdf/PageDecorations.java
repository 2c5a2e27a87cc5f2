package dev.articleexporter.render.pdf;

import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Page events of one document (never shared): the footer "running title … page X of Y" on every
 * page, and a bookmark per slide heading, made when the heading's first line is actually placed
 * so the bookmark points at the page the heading landed on.
 */
final class PageDecorations extends PdfPageEventHelper {

    private static final String TAG_PREFIX = "slide:";
    private static final float FOOTER_SIZE = 8f;
    /** Footer baseline, measured up from the page's bottom edge. */
    private static final float FOOTER_BASELINE = 30f;

    private final BaseFont font;
    private final String title;
    private final List<String> outlineTitles;
    private final boolean[] outlined;
    private PdfTemplate total;
    private float totalReserve;
    private String runningTitle;

    PageDecorations(PdfRenderer.Styles styles, String title, List<String> outlineTitles) {
        this.font = styles.fonts.sans;
        this.title = title;
        this.outlineTitles = List.copyOf(outlineTitles);
        this.outlined = new boolean[outlineTitles.size()];
    }

    /** The generic tag that marks the heading of the section at {@code index} (0-based). */
    static String tag(int index) {
        return TAG_PREFIX + index;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        // Digits of Liberation Sans share one width: reserve two for the total and let a
        // three-digit total run a little into the margin (the template is wide enough).
        totalReserve = font.getWidthPoint("00", FOOTER_SIZE);
        total = writer.getDirectContent().createTemplate(font.getWidthPoint("00000", FOOTER_SIZE), FOOTER_SIZE + 4f);
        float available = document.right() - document.left()
                - font.getWidthPoint("page 999 of 999", FOOTER_SIZE) - 24f;
        runningTitle = truncate(title.replaceAll("\\s+", " ").strip(), available);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        float totalX = right - totalReserve;
        cb.saveState();
        cb.setColorStroke(PdfRenderer.Styles.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, FOOTER_BASELINE + 11f);
        cb.lineTo(right, FOOTER_BASELINE + 11f);
        cb.stroke();
        cb.beginText();
        cb.setFontAndSize(font, FOOTER_SIZE);
        cb.setColorFill(PdfRenderer.Styles.GREY);
        cb.showTextAligned(Element.ALIGN_LEFT, runningTitle, left, FOOTER_BASELINE, 0f);
        cb.showTextAligned(Element.ALIGN_RIGHT, "page " + writer.getPageNumber() + " of ", totalX, FOOTER_BASELINE, 0f);
        cb.endText();
        cb.addTemplate(total, totalX, FOOTER_BASELINE - 2f);
        cb.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, FOOTER_SIZE);
        total.setColorFill(PdfRenderer.Styles.GREY);
        total.showTextAligned(Element.ALIGN_LEFT, String.valueOf(writer.getPageNumber() - 1), 0f, 2f, 0f);
        total.endText();
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
        if (!text.startsWith(TAG_PREFIX)) {
            return;
        }
        int index = Integer.parseInt(text.substring(TAG_PREFIX.length()));
        if (index < 0 || index >= outlined.length || outlined[index]) {
            return; // a chunk split over lines reports each piece; bookmark the first only
        }
        outlined[index] = true;
        float top = Math.min(rect.getTop() + 12f, document.getPageSize().getHeight());
        new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, top), outlineTitles.get(index));
    }

    private String truncate(String text, float maxWidth) {
        if (font.getWidthPoint(text, FOOTER_SIZE) <= maxWidth) {
            return text;
        }
        float ellipsis = font.getWidthPoint("…", FOOTER_SIZE);
        int end = text.length();
        while (end > 0 && font.getWidthPoint(text.substring(0, end), FOOTER_SIZE) + ellipsis > maxWidth) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
