package dev.articleexporter.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "/etc/passwd", "a/b\\c:d*?", "C:\\Windows\\system32", "..", ".hidden", "  spaced id  ",
            "CON", "con.txt", "Lpt1", "x\u0000y", "<script>alert(1)</script>", "名前/テスト", "\u202Eevil"})
    void hostileIdsBecomeSafeBoundedNamesInsideTheFolder(String id) {
        String stem = FileNames.stem(id, "Title");
        assertThat(stem).isNotBlank().hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH).matches("[\\p{L}\\p{N}._-]+")
                .doesNotStartWith(".").doesNotStartWith("-");
        assertThat(stem.toLowerCase()).isNotIn("con", "con.txt", "lpt1");
        Path folder = Path.of("/srv/out");
        assertThat(folder.resolve(stem + ".pdf").normalize().getParent()).isEqualTo(folder);
    }

    @Test
    void safeIdsAreKeptAsTheyAre() {
        assertThat(FileNames.stem("iraq-pm-calls-for-departure-of-us-led-coalition", "T"))
                .isEqualTo("iraq-pm-calls-for-departure-of-us-led-coalition");
        assertThat(FileNames.stem("Story_2026.11.25", "T")).isEqualTo("Story_2026.11.25");
    }

    @Test
    void changedIdsGetAStableHashSoTheyStayApart() {
        String slash = FileNames.stem("a/b", "T");
        String colon = FileNames.stem("a:b", "T");
        assertThat(slash).startsWith("a-b-").isNotEqualTo(colon).isEqualTo(FileNames.stem("a/b", "Other title"));
        assertThat(colon).startsWith("a-b-");
        assertThat(FileNames.stem("CON", "T")).startsWith("_CON-");
    }

    @Test
    void longIdsAreBoundedAndStillDistinct() {
        String a = "a".repeat(399) + "1";
        String b = "a".repeat(399) + "2";
        assertThat(FileNames.stem(a, "T")).hasSize(FileNames.MAX_LENGTH).isNotEqualTo(FileNames.stem(b, "T"));
    }

    @Test
    void withoutAUsableIdTheTitleGivesASlug() {
        assertThat(FileNames.stem("", "Three Questions Before You Refinance")).isEqualTo("three-questions-before-you-refinance");
        assertThat(FileNames.stem(null, "Iraq’s PM: “Leave”")).isEqualTo("iraqs-pm-leave");
        assertThat(FileNames.stem("???", "T")).startsWith("article-");
        assertThat(FileNames.stem(null, "!!!")).isNull();
    }
}
