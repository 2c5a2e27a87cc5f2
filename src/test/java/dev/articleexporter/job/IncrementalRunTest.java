package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs render only what changed; their records say which articles were skipped.
 */
class IncrementalRunTest {

    @TempDir
    Path work;

    private CliRun export(String... extra) {
        String[] base = { "export", "--input", work.resolve("input").toString(), "--output",
                work.resolve("output").toString(), "--db", work.resolve("data/exporter").toString() };
        String[] all = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return CliRun.of(all);
    }

    private Map<String, FileTime> stamps() throws IOException {
        Map<String, FileTime> stamps = new HashMap<>();
        try (Stream<Path> files = Files.list(work.resolve("output"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                stamps.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return stamps;
    }

    @Test
    void onlyChangedArticlesAreRenderedAgain() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 3, 10); // 30 articles
        CliRun first = export();
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("30 read, 30 exported, 0 rejected");
        Map<String, FileTime> before = stamps();
        // each article's PDF, EPUB, cover and thumbnail
        assertThat(before).hasSize(30 * 4).containsKeys("a-0-0.cover.jpg", "a-0-0.thumb.jpg", "a-2-9.cover.jpg");
        Thread.sleep(20); // a rewritten file would get a later time

        CliRun again = export();
        assertThat(again.out()).contains("30 read, 0 exported, 30 unchanged, 0 rejected");
        assertThat(stamps()).isEqualTo(before);

        // Change three articles' text, delete one article's PDF, touch nothing else.
        Path file = work.resolve("input/part-0001.json");
        Files.writeString(file,
                Files.readString(file)
                    .replaceFirst("Al-Sudani conveyed", "Al-Sudani clearly conveyed")
                    .replace("\"id\":\"a-1-4\"", "\"id\":\"a-1-4\",\"author\":\"New Author\"")
                    .replace("\"id\":\"a-1-7\"", "\"id\":\"a-1-7\",\"url\":\"https://example.com/a-1-7\""));
        Files.delete(work.resolve("output/a-2-9.pdf"));
        CliRun changed = export();
        assertThat(changed.out()).contains("30 read, 4 exported, 26 unchanged, 0 rejected");
        // Only the latest run keeps its UNCHANGED rows, and only for the files it read
        // (part-0001's 7, part-0002's 9); part-0000, unchanged, was passed over unread
        // and its 10 articles counted in one row.
        assertThat(unchangedRows()).as("only the latest run keeps its UNCHANGED rows").isEqualTo(16);
        Map<String, FileTime> after = stamps();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.entrySet()
            .stream()
            .filter(e -> !e.getValue().equals(before.get(e.getKey())))
            .map(Map.Entry::getKey)).containsExactlyInAnyOrder("a-1-0.pdf", "a-1-0.epub", "a-1-4.pdf", "a-1-4.epub",
                    "a-1-7.pdf", "a-1-7.epub", "a-2-9.pdf", "a-2-9.epub", "a-1-0.cover.jpg", "a-1-0.thumb.jpg",
                    "a-1-4.cover.jpg", "a-1-4.thumb.jpg", "a-1-7.cover.jpg", "a-1-7.thumb.jpg", "a-2-9.cover.jpg",
                    "a-2-9.thumb.jpg");

        // An article whose cover (or thumbnail) is gone is rendered again, with it.
        Files.delete(work.resolve("output/a-0-3.cover.jpg"));
        Files.delete(work.resolve("output/a-0-5.thumb.jpg"));
        Thread.sleep(20);
        assertThat(export().out()).contains("30 read, 2 exported, 28 unchanged, 0 rejected");
        Map<String, FileTime> covered = stamps();
        assertThat(covered.keySet()).isEqualTo(before.keySet());
        assertThat(covered.entrySet()
            .stream()
            .filter(e -> !e.getValue().equals(after.get(e.getKey())))
            .map(Map.Entry::getKey)).containsExactlyInAnyOrder("a-0-3.pdf", "a-0-3.epub", "a-0-3.cover.jpg",
                    "a-0-3.thumb.jpg", "a-0-5.pdf", "a-0-5.epub", "a-0-5.cover.jpg", "a-0-5.thumb.jpg");

        // Other settings change the output: everything again. --force too.
        assertThat(export("--page-size", "letter").out()).contains("30 read, 30 exported, 0 rejected");
        assertThat(export("--page-size", "letter").out()).contains("30 unchanged");
        assertThat(export("--page-size", "letter", "--force").out()).contains("30 read, 30 exported, 0 rejected");

        CliRun runs = CliRun.of("runs", "--db", work.resolve("data/exporter").toString());
        assertThat(runs.out()).contains("UNCHANGED");
        assertThat(runs.out()
            .lines()
            .skip(1)
            .map(l -> l.trim().split("\\s+"))
            .map(cols -> cols[9] + "/" + cols[10])
            .toList()) // EXPORTED/UNCHANGED, newest first
            // earlier runs' counts survive the pruning
            .containsExactly("30/0", "0/30", "30/0", "2/28", "4/26", "0/30", "30/0");
        assertThat(unchangedRows()).isZero(); // the latest run rendered everything
    }

    private long unchangedRows() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/exporter"), "sa", "");
                ResultSet rs = db.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE STATUS = 'UNCHANGED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
