package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields longer than any real article has, of every kind, through export, resume,
 * {@code --fresh} and validate: the limits decide (a rejection by name, or a cut with a
 * warning), never the database.
 */
class LongFieldsTest {

    @TempDir
    Path work;

    private Path input;

    private Path db;

    @BeforeEach
    void longFields() throws IOException {
        input = Files.createDirectories(work.resolve("input"));
        db = work.resolve("data/exporter");
        String words = "word ".repeat(1200); // 6,000 characters
        String tag = "de-DE-1901-1996-" + "a".repeat(8) + "-" + "b".repeat(8) + "-x-" + "private1-".repeat(3) + "end";
        Files.writeString(input.resolve("long.json"), """
                [
                  {"id": "%s", "title": "A long id"},
                  {"id": "long-title", "title": "%s", "intro": "Text."},
                  {"id": "long-names", "title": "Names", "site": "%s", "section": "%s", "author": "%s",
                   "breadcrumbs": ["Home", "%s"], "intro": "Text."},
                  {"id": "long-language", "title": "Language", "language": "%s", "intro": "Text."},
                  {"id": "long-date", "title": "Date", "publishedAt": "2026-11-20T07:30:00%s", "intro": "Text."},
                  {"id": "long-url", "title": "Address", "url": "https://example.com/%s", "intro": "Text.",
                   "slides": [{"heading": "%s", "body": "Text.", "credit": "%s",
                               "image": {"src": "%s.png", "alt": "%s"}}],
                   "related": [{"label": "%s", "title": "%s", "url": "https://example.com/%s"}]},
                  {"id": "fine", "title": "Fine", "intro": "Text."}
                ]
                """.formatted("i".repeat(5000), words, words, words, words, words, tag, "0".repeat(100),
                "u".repeat(3000), words, words, "s".repeat(3000), words, words, words, "r".repeat(3000)));
    }

    private CliRun export(String... extra) {
        String[] base = { "export", "--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                db.toString() };
        String[] all = java.util.stream.Stream
            .concat(java.util.stream.Stream.of(base), java.util.stream.Stream.of(extra))
            .toArray(String[]::new);
        return CliRun.of(all);
    }

    @Test
    void exportRejectsOrCutsByTheLimitsAndTheHistoryTakesEveryRun() throws IOException {
        CliRun first = export();
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(Cli.REJECTED);
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).contains("7 read, 6 exported, 1 rejected")
            .contains("long.json #1: the id is 5,000 characters long; at most 1,024 are allowed")
            .contains("long.json #2 (long-title): title cut from 6,000 to 1,000 characters")
            .contains("long.json #3 (long-names): site cut from 6,000 to 200 characters")
            .contains("long.json #3 (long-names): section cut from 6,000 to 200 characters")
            .contains("long.json #3 (long-names): author cut from 6,000 to 200 characters")
            .contains("long.json #3 (long-names): $.breadcrumbs[1] cut from 6,000 to 200 characters")
            .contains("long.json #4 (long-language): language left out")
            .contains("long.json #5 (long-date): publishedAt left out")
            .contains("long.json #6 (long-url): url left out")
            .contains("$.slides[0].heading cut from 6,000 to 1,000 characters")
            .contains("$.related[0].url left out")
            .doesNotContain("SQL")
            .doesNotContain("Value too long");
        for (String stem : new String[] { "long-title", "long-names", "long-language", "long-date", "long-url",
                "fine" }) {
            assertThat(work.resolve("out/" + stem + ".pdf")).exists();
            assertThat(work.resolve("out/" + stem + ".epub")).exists();
        }
        // cut and left-out fields included
        assertThat(EpubCheckAssert.assertAllValid(work.resolve("out"))).isEqualTo(6);

        CliRun again = export();
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(Cli.REJECTED);
        assertThat(again.out()).contains("7 read, 0 exported, 6 unchanged, 1 rejected");
        CliRun fresh = export("--fresh", "--force");
        assertThat(fresh.code()).as(fresh.out() + fresh.err()).isEqualTo(Cli.REJECTED);
        assertThat(fresh.out()).contains("7 read, 6 exported, 1 rejected");
        CliRun runs = CliRun.of("runs", "--db", db.toString());
        assertThat(runs.code()).isZero();
        assertThat(runs.out()).contains("COMPLETED").doesNotContain("FAILED");
    }

    @Test
    void validateSaysTheSame() {
        CliRun run = CliRun.of("validate", "--input", input.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.REJECTED);
        assertThat(run.out()).contains("7 articles checked in " + input + ": 6 would be exported, 1 rejected")
            .contains("the id is 5,000 characters long; at most 1,024 are allowed")
            .contains("title cut from 6,000 to 1,000 characters");
    }

}
