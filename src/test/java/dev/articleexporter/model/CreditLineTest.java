package dev.articleexporter.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a photo credit names its slides, in every format (moved here from the PDF and EPUB
 * renderer tests).
 */
class CreditLineTest {

    private static String text(Integer... slides) {
        return new CreditLine("Credit", List.of(slides)).slidesText();
    }

    @Test
    void slidesInOrderOnceWithRangesOfThreeOrMore() {
        assertEquals("slide 4", text(4));
        assertEquals("slide 4", text(4, 4));
        assertEquals("slides 1, 2", text(1, 2));
        assertEquals("slides 1, 2, 4", text(1, 2, 4));
        assertEquals("slides 1, 3–17", text(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17));
        assertEquals("slides 2, 5, 7–9", text(9, 2, 8, 5, 7));
        assertEquals("slides 1–3, 5, 6", text(1, 2, 3, 5, 6));
        assertEquals("slides 1–3", text(3, 1, 2));
        assertEquals("slides 2–4, 9, 10, 12", text(2, 3, 4, 9, 10, 12));
    }

}
