package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.ChildJvm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd lengths beside good articles, in a separate JVM with a small heap, as cron runs
 * it: a paragraph of 10 MB, one of 95 MB (under Jackson's own limit), and one of 3 MB
 * that is within the limits and has to be laid out in time. The good articles are
 * exported, the absurd ones are named, and the run ends.
 */
class HugeInputTest {

    @TempDir
    Path work;

    private static String article(String id, String title, String intro) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"intro\": \"" + intro + "\"}";
    }

    /** An article whose one slide has one paragraph of {@code megabytes} MB of words. */
    private static void hugeParagraph(BufferedWriter out, String id, int megabytes) throws IOException {
        out.write("{\"id\": \"" + id + "\", \"title\": \"" + id
                + "\", \"slides\": [{\"heading\": \"Long\", \"body\": [\"");
        String words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ".repeat(100);
        for (long written = 0; written < megabytes * 1024L * 1024; written += words.length()) {
            out.write(words);
        }
        out.write("\"]}]}");
    }

    @Test
    void absurdParagraphsAreNamedAndTheGoodArticlesExport() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.writeString(input.resolve("a-good.json"), article("good", "Good", "Fine."));
        try (BufferedWriter out = Files.newBufferedWriter(input.resolve("b-ten.json"), StandardCharsets.UTF_8)) {
            out.write("[" + article("before-ten", "Before", "Fine.") + ",");
            hugeParagraph(out, "ten-megabytes", 10);
            out.write("," + article("after-ten", "After", "Fine.") + "]");
        }
        try (BufferedWriter out = Files.newBufferedWriter(input.resolve("c-ninety-five.json"),
                StandardCharsets.UTF_8)) {
            out.write("[");
            hugeParagraph(out, "ninety-five-megabytes", 95);
            out.write("," + article("after-ninety-five", "After", "Fine.") + "]");
        }
        try (BufferedWriter out = Files.newBufferedWriter(input.resolve("d-three.json"), StandardCharsets.UTF_8)) {
            hugeParagraph(out, "three-megabytes", 3);
        }
        Path output = work.resolve("out");
        Path log = work.resolve("child.log");

        Process child = ChildJvm.start(List.of("-Xmx256m"), log, "export", "--input", input.toString(), "--output",
                output.toString(), "--db", work.resolve("db/x").toString());
        boolean ended = child.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        String printed = Files.readString(log);
        assertThat(ended).as("the run ended: " + printed).isTrue();

        assertThat(child.exitValue()).as(printed).isEqualTo(Cli.REJECTED);
        assertThat(printed).doesNotContain("OutOfMemoryError").doesNotContain("Java heap space");
        for (String good : List.of("good", "before-ten", "after-ten", "after-ninety-five")) {
            assertThat(output.resolve(good + ".pdf")).as(printed).exists();
            assertThat(output.resolve(good + ".epub")).as(printed).exists();
        }
        assertThat(printed).contains("b-ten.json #2").contains("c-ninety-five.json #1");
        EpubCheckAssert.assertAllValid(output);
        assertThat(output.resolve("ten-megabytes.pdf")).doesNotExist();
        assertThat(output.resolve("ninety-five-megabytes.pdf")).doesNotExist();
        // The 3 MB paragraph is within the limits: exported, or named for taking longer
        // than the time limit.
        assertThat(Files.exists(output.resolve("three-megabytes.pdf"))
                || printed.contains("d-three.json (three-megabytes)"))
            .as(printed)
            .isTrue();
    }

}
