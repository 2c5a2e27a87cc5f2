package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems are listed in input order, whatever order the partitions met them in; one
 * message met many times is folded.
 */
class ProblemListTest {

    private static final String NO_CONTENT = "the article has no intro and no slides: only its title is exported";

    @TempDir
    Path work;

    private static String titlesOnly(String prefix, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= count; i++) {
            json.append(i == 1 ? "" : ",")
                .append("{\"id\": \"")
                .append(prefix)
                .append(i)
                .append("\", \"title\": \"T ")
                .append(prefix)
                .append(i)
                .append("\"}");
        }
        return json.append("]").toString();
    }

    @Test
    void warningsComeInInputOrderAndRepeatsAreCounted() throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.writeString(input.resolve("b.json"), titlesOnly("b", 40));
        Files.writeString(input.resolve("a.json"), titlesOnly("a", 40));
        Files.writeString(input.resolve("c.json"), "[{\"id\": \"c1\", \"title\": \"C\", \"intro\": \"Text.\","
                + " \"language\": \"not a language!\"}, {\"title\": \"\"}]");
        Path db = work.resolve("db/x");

        CliRun run = CliRun.of("export", "--threads", "3", "--input", input.toString(), "--output",
                work.resolve("out").toString(), "--db", db.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.REJECTED);
        List<String> lines = run.out().lines().toList();
        int warnings = lines.indexOf("Warnings (81):");
        assertThat(warnings).as(run.out()).isNotNegative();
        assertThat(lines.subList(warnings + 1, warnings + 6)).containsExactly("  a.json #1 (a1): " + NO_CONTENT,
                "  a.json #2 (a2): " + NO_CONTENT, "  a.json #3 (a3): " + NO_CONTENT, "  … and 77 more like it",
                "  c.json #1 (c1): language \"not a language!\" is not a BCP 47 language tag; \"en\" is used");
        assertThat(run.out()).doesNotContain("b.json #1 (b1)");

        Matcher id = Pattern.compile("Run (\\d+) COMPLETED").matcher(run.out());
        assertThat(id.find()).isTrue();
        List<String> shown = CliRun.of("runs", "--db", db.toString(), "--run", id.group(1)).out().lines().toList();
        assertThat(shown).containsSubsequence("  WARNING  a.json #1 (a1): " + NO_CONTENT, "  … and 77 more like it",
                "  WARNING  c.json #1 (c1): language \"not a language!\" is not a BCP 47 language tag; \"en\" is used",
                "  REJECTED  c.json #2: the article has no title (\"title\" is required)");
    }

}
