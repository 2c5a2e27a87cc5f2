package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.Related;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/**
 * The reading list ("More from …"): where its items are drawn and what their links are.
 */
class ReadingListTest {

    private static final PdfRenderer BUNDLED = new PdfRenderer("A4", List.of(), List.of());

    private static final float RIGHT_MARGIN = 595.28f - 62f;

    private static final String FIRST = "رابط أول إلى مقال آخر";

    /**
     * Failed before: in a right-to-left article the list was a two-column table whose
     * text column came out 14 points wide, one or two letters per line at the left edge.
     */
    @Test
    void rightToLeftItemsAreOneLineEachRightAlignedBesideTheirBullet() throws IOException {
        Story d = withList(TestStories.arabic());
        try (PDDocument pdf = Loader.loadPDF(PdfRendererTest.render(BUNDLED, d))) {
            List<PDRectangle> areas = links(pdf).stream().map(PDAnnotation::getRectangle).toList();
            assertFalse(areas.isEmpty(), "the linked item has a link");
            float bottom = areas.getFirst().getLowerLeftY();
            float right = 0;
            float left = Float.MAX_VALUE;
            for (PDRectangle a : areas) {
                assertEquals(bottom, a.getLowerLeftY(), 0.5f, "a short item is one line");
                right = Math.max(right, a.getUpperRightX());
                left = Math.min(left, a.getLowerLeftX());
            }
            // beside the bullet, which sits at the right margin
            assertTrue(right < RIGHT_MARGIN - 8f && right > RIGHT_MARGIN - 20f,
                    "item ends left of the bullet: " + right);
            assertTrue(left > 300f, "the item is right-aligned: " + left);
        }
    }

    @Test
    void linksAreAnnotationsWithTheirAddressPrintableAndDescribed() throws IOException {
        Story d = withList(TestStories.arabic());
        try (PDDocument pdf = Loader.loadPDF(PdfRendererTest.render(BUNDLED, d))) {
            List<PDAnnotationLink> links = links(pdf);
            assertFalse(links.isEmpty(), "the linked item has a link");
            for (PDAnnotationLink link : links) {
                assertEquals("https://example.com/a", ((PDActionURI) link.getAction()).getURI());
                assertTrue(link.isPrinted(), "printable (PDF/A)");
                assertEquals(FIRST, link.getContents(), "described for screen readers");
                assertTrue(link.getStructParent() >= 0, "in the structure tree");
            }
        }
    }

    private static Story withList(Story s) {
        return new Story(s.id(), s.meta(), s.intro(), s.slides(), s.credits(), new Related("المزيد",
                List.of(new Related.Link(FIRST, "https://example.com/a"), new Related.Link("رابط ثان", null))));
    }

    private static List<PDAnnotationLink> links(PDDocument pdf) throws IOException {
        List<PDAnnotationLink> links = new ArrayList<>();
        for (var page : pdf.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link) {
                    links.add(link);
                }
            }
        }
        return links;
    }

}
