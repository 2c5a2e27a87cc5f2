package dev.articleexporter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "../../x", "/etc/passwd", "a/b\\c:d*?", "C:\\Windows\\system32", "..", ".hidden",
            "  spaced id  ", "CON", "con.txt", "Lpt1", "x\u0000y", "<script>alert(1)</script>", "名前/テスト",
            "\u202Eevil" })
    void hostileIdsBecomeSafeBoundedNamesInsideTheFolder(String id) {
        String stem = FileNames.stem(id, "Title");
        assertThat(stem).isNotBlank()
            .hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH)
            .matches("[\\p{L}\\p{N}._-]+")
            .doesNotStartWith(".")
            .doesNotStartWith("-");
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
        assertThat(FileNames.stem("", "Three Questions Before You Refinance"))
            .isEqualTo("three-questions-before-you-refinance");
        assertThat(FileNames.stem(null, "Iraq’s PM: “Leave”")).isEqualTo("iraqs-pm-leave");
        assertThat(FileNames.stem("???", "T")).startsWith("article-");
        assertThat(FileNames.stem(null, "!!!")).isNull();
    }

    /**
     * What {@code Digest.fileStem} gives a nightly digest; no article may ever have it.
     */
    private static final String DIGEST_NAME = "(?i)digest-\\d{4}-\\d{2}-\\d{2}-run-\\d+";

    @ParameterizedTest
    @ValueSource(strings = { "digest-2026-12-06-run-5", "DIGEST-2026-12-06-RUN-5", "Digest-2026-12-06-Run-123456789",
            "digest-2026-12-06-run-5/", " digest-2026-12-06-run-5 ", "digest-2026-12-06-run-5.",
            "dige\u017Ft-2026-12-06-run-5" })
    void anIdNeverTakesANightlyDigestsName(String id) {
        String stem = FileNames.stem(id, "Title");
        assertThat(stem).doesNotMatch(DIGEST_NAME)
            .matches("[\\p{L}\\p{N}._-]+")
            .hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(stem.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT))
            .doesNotMatch(DIGEST_NAME);
        assertThat(stem).isEqualTo(FileNames.stem(id, "Other title"));
    }

    @Test
    void aDigestNameGetsTheHashSuffixLikeAChangedId() {
        assertThat(FileNames.stem("digest-2026-12-06-run-5", "T")).matches("digest-2026-12-06-run-5-[0-9a-f]{8}");
        assertThat(FileNames.stem(null, "Digest 2026-12-06 run 5")).matches("digest-2026-12-06-run-5-[0-9a-f]{8}");
        assertThat(FileNames.stem("digest-2026-12-06-run-5", "T"))
            .isNotEqualTo(FileNames.stem("digest-2026-12-06-run-6", "T"));
        String longRun = "digest-2026-12-06-run-" + "7".repeat(150);
        assertThat(FileNames.stem(longRun, "T")).doesNotMatch(DIGEST_NAME)
            .hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH);
    }

    @Test
    void everyChangedIdStaysClearOfDigestNames() {
        // A changed id ends in "-" and 8 hex digits: all digits now and then, which would
        // spell "...-run-12345678".
        for (int i = 0; i < 2000; i++) {
            assertThat(FileNames.stem("digest-2026-12-06-run/" + i, "T")).doesNotMatch(DIGEST_NAME);
            assertThat(FileNames.stem(null, "Digest 2026-12-06 run! " + i)).doesNotMatch(DIGEST_NAME);
        }
    }

    @Test
    void otherNamesStartingWithDigestAreKept() {
        assertThat(FileNames.stem("digest-of-the-week", "T")).isEqualTo("digest-of-the-week");
        assertThat(FileNames.stem(null, "Digest of the Week")).isEqualTo("digest-of-the-week");
        assertThat(FileNames.stem("digest-2026-12-06", "T")).isEqualTo("digest-2026-12-06");
        assertThat(FileNames.stem("digest-2026-12-06-run-5-extra", "T")).isEqualTo("digest-2026-12-06-run-5-extra");
        assertThat(FileNames.stem("my-digest-2026-12-06-run-5", "T")).isEqualTo("my-digest-2026-12-06-run-5");
    }

    @Test
    void canonicallyEquivalentTextGivesTheSameStem() {
        assertThat(FileNames.stem("Caf\u00e9", "T")).isEqualTo("Caf\u00e9")
            .isEqualTo(FileNames.stem("Cafe\u0301", "T"));
        assertThat(FileNames.stem("\ud55c\uad6d", "T"))
            .isEqualTo(FileNames.stem("\u1112\u1161\u11ab\u1100\u116e\u11a8", "T"));
        assertThat(FileNames.stem(null, "Caf\u00e9 cr\u00e8me"))
            .isEqualTo(FileNames.stem(null, "Cafe\u0301 cre\u0300me"));
        assertThat(FileNames.stem("Caf\u00e9/x", "T")).isEqualTo(FileNames.stem("Cafe\u0301/x", "T"));
    }

}
