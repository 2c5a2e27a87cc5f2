package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.input.ArticleNode;
import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Partitions split a run's articles without changing what the run does with them. */
class PartitionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void namesThatCouldCollideShareAPartitionAndNumberedIdsSpread() {
        for (int count : new int[] { 2, 3, 7 }) {
            List<Integer> owners = Stream.of("Story", "story", "STORY", "sTory")
                .map(id -> owner(count, "{\"id\":\"" + id + "\"}"))
                .distinct()
                .toList();
            assertThat(owners).as("partitions of %d", count).hasSize(1);
            // A feed's numbered ids must not all land in one partition.
            assertThat(
                    IntStream.range(0, 100).map(n -> owner(count, "{\"id\":\"story-" + n + "\"}")).distinct().count())
                .isEqualTo(count);
        }
        // By title when there is no id: the same slug, so the same partition as the id
        // "a-title".
        assertThat(owner(5, "{\"title\":\"A Title\"}")).isEqualTo(owner(5, "{\"id\":\"a-title\"}"));
    }

    @Test
    void everyArticleAndEveryFileProblemHasExactlyOnePartition() {
        for (int n = 0; n < 200; n++) {
            String article = "{\"id\":\"article-" + n + "x\"}";
            String file = "file-" + n + ".json";
            assertThat(IntStream.range(0, 4).filter(i -> new Partition(i, 4).ownsArticle(file, node(article))).count())
                .isOne();
            assertThat(IntStream.range(0, 4).filter(i -> new Partition(i, 4).ownsFileProblems(file)).count()).isOne();
        }
    }

    @Test
    void oneThreadOrFiveGiveTheSameFilesAndTheSameRejections() throws IOException {
        // Duplicates and near-duplicates spread over files, and broken files, so
        // partitions must agree on who wins.
        Path input = work.resolve("input");
        Files.createDirectories(input);
        StringBuilder many = new StringBuilder("[");
        for (int n = 0; n < 40; n++) {
            many.append(n == 0 ? "" : ",").append(article("story-" + (n % 13), "Story " + n));
        }
        Files.writeString(input.resolve("a.json"), many.append("]"));
        Files.writeString(input.resolve("b.json"), "[" + article("Story-3", "Shouting") + ","
                + article("story-3", "Again") + "," + article("story", "Base") + "," + article(null, "Story") + ",42]");
        Files.writeString(input.resolve("c.json"), "{ broken");
        Files.writeString(input.resolve("d.json"), "\"not an article\"");

        Map<String, String> one = export(1);
        Map<String, String> five = export(5);
        assertThat(five).isEqualTo(one);
        assertThat(one.keySet()).contains("story-3.pdf", "Story-3--2.pdf", "story.pdf", "story--2.pdf", "story-2.pdf")
            .anyMatch(line -> line.contains("duplicate id"));
    }

    /**
     * Output file names with sizes, and the summary's lines of rejections and warnings.
     */
    private Map<String, String> export(int threads) throws IOException {
        Path output = work.resolve("out-" + threads);
        CliRun run = CliRun.of("export", "--input", work.resolve("input").toString(), "--output", output.toString(),
                "--db", work.resolve("db-" + threads + "/x").toString(), "--threads", String.valueOf(threads));
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                result.put(f.getFileName().toString(),
                        // EPUBs are reproducible byte for byte; PDFs carry a time
                        f.getFileName().toString().endsWith(".epub") ? String.valueOf(Files.size(f)) : "pdf");
            }
        }
        // in any order
        run.out().lines().filter(l -> l.startsWith("  ")).sorted().forEach(l -> result.put(l, "problem"));
        // 27 duplicates, a number, 2 bad files
        assertThat(run.out()).contains("47 read, 16 exported, 31 rejected");
        return result;
    }

    private static String article(String id, String title) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"title\":\"" + title
                + "\",\"slides\":[{\"heading\":\"One\",\"body\":[\"Text of " + title + ".\"]}]}";
    }

    private static int owner(int count, String article) {
        return IntStream.range(0, count)
            .filter(i -> new Partition(i, count).ownsArticle("f.json", node(article)))
            .findFirst()
            .orElseThrow();
    }

    private static ArticleNode node(String json) {
        return new ArticleNode(JSON.readTree(json));
    }

}
