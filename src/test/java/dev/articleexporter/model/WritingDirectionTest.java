package dev.articleexporter.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An article's writing direction from its language tag (moved here from the PDF and EPUB
 * script tests).
 */
class WritingDirectionTest {

    @Test
    void rightToLeftLanguagesFromTheirTag() {
        for (String rtl : List.of("ar", "ar-EG", "AR", "he", "he-IL", "iw", "fa", "fa-IR", "ur", "ur-PK", "yi", "ps",
                "ckb", "sd", "ug", "dv", "az-Arab", "pa-Arab", "ku-Arab", "ar_SA", "pnb", "azb", "bal", "glk", "mzn",
                "skr", "khw", "lrc", "bqi")) {
            assertTrue(WritingDirection.rightToLeft(rtl), rtl);
        }
        for (String ltr : List.of("en", "en-GB", "de-CH", "zh-Hant", "ja", "el", "ru", "sr-Cyrl", "az", "az-Latn", "ku",
                "sd-Deva", "ar-Latn", "tr", "", " ", "x", "not a tag")) {
            assertFalse(WritingDirection.rightToLeft(ltr), ltr);
        }
        assertFalse(WritingDirection.rightToLeft(null));
    }

}
