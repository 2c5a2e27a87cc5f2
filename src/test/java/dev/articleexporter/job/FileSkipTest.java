package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.input.FileReads;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-level skip: an input file unchanged since its last complete export is passed
 * over unread (counted by {@link FileReads}), its articles counted as unchanged; what
 * changed is read and rendered as before.
 */
class FileSkipTest {

    @TempDir
    Path work;

    private Path input;

    private Path output;

    @BeforeEach
    void corpus() throws IOException {
        input = work.resolve("input");
        output = work.resolve("output");
        Corpus.copiesOfTheSample(input, 3, 4); // part-0000..0002, ids a-<file>-<n>
    }

    private CliRun export(String... extra) {
        String[] base = { "export", "--input", input.toString(), "--output", output.toString(), "--db",
                work.resolve("data/exporter").toString(), "--threads", "2", "--formats", "epub" };
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    /** The export, and which input files it opened to read, by name. */
    private Map<String, Integer> readBy(String expected, String... extra) {
        try (FileReads reads = FileReads.watch(input)) {
            CliRun run = export(extra);
            assertThat(run.out()).as(run.out() + run.err()).contains(expected);
            return reads.read();
        }
    }

    @Test
    void unchangedFilesAreNotReadAndTheRunSaysSo() throws Exception {
        assertThat(readBy("12 read, 12 exported, 0 rejected")).containsOnlyKeys("part-0000.json", "part-0001.json",
                "part-0002.json");
        Map<String, FileTime> before = times();
        assertThat(readBy("12 read, 0 exported, 12 unchanged, 0 rejected")).isEmpty();
        assertThat(times()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE STATUS = 'UNCHANGED'")).isZero();
        CliRun runs = CliRun.of("runs", "--db", work.resolve("data/exporter").toString());
        assertThat(runs.out().lines().skip(1).map(l -> l.trim().split("\\s+")).map(c -> c[9] + "/" + c[10]).toList())
            .containsExactly("0/12", "12/0");
    }

    @Test
    void aTouchedFileWithTheSameBytesIsHashedNotRead() throws Exception {
        export();
        Path file = input.resolve("part-0001.json");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
        try (FileReads reads = FileReads.watch(input)) {
            assertThat(export().out()).contains("12 read, 0 exported, 12 unchanged");
            assertThat(reads.read()).isEmpty();
            assertThat(reads.hashed()).isEqualTo(1);
        }
        assertThat(count("SELECT MODIFIED FROM INPUT_FILE_STAMP WHERE FILE_NAME = 'part-0001.json'"))
            .isEqualTo(Files.getLastModifiedTime(file).toMillis());
        try (FileReads reads = FileReads.watch(input)) {
            assertThat(export().out()).contains("12 unchanged");
            assertThat(reads.hashed()).as("its stamp has the new time").isZero();
        }
    }

    @Test
    void aChangedFileIsReadAndOnlyItsChangedArticleRendered() throws Exception {
        export();
        Map<String, FileTime> before = times();
        Path file = input.resolve("part-0001.json");
        Files.writeString(file,
                Files.readString(file).replaceFirst("Al-Sudani conveyed", "Al-Sudani clearly conveyed"));
        // each of the two partitions reads it, for its own articles
        assertThat(readBy("12 read, 1 exported, 11 unchanged, 0 rejected"))
            .containsExactly(Map.entry("part-0001.json", 2));
        assertThat(changedSince(before)).containsExactlyInAnyOrder("a-1-0.epub", "a-1-0.cover.jpg", "a-1-0.thumb.jpg");
        assertThat(readBy("12 read, 0 exported, 12 unchanged")).as("stamped again").isEmpty();
    }

    @Test
    void aDeletedOutputIsRenderedAgain() throws Exception {
        export();
        Files.delete(output.resolve("a-2-3.epub"));
        assertThat(readBy("12 read, 1 exported, 11 unchanged")).containsOnlyKeys("part-0002.json");
        assertThat(output.resolve("a-2-3.epub")).exists();
        assertThat(readBy("12 read, 0 exported, 12 unchanged")).isEmpty();
    }

    @Test
    void forceAndOtherSettingsReadEverything() throws Exception {
        export();
        assertThat(readBy("12 read, 12 exported", "--force")).hasSize(3);
        assertThat(readBy("12 read, 12 exported", "--formats", "pdf")).hasSize(3);
        assertThat(readBy("12 read, 0 exported, 12 unchanged", "--formats", "pdf")).isEmpty();
        assertThat(readBy("12 read, 12 exported", "--formats", "pdf", "--page-size", "letter")).hasSize(3);
    }

    @Test
    void aNewArticleTakingTheNameOfOneInALaterFileMakesThatFileRead() throws Exception {
        export();
        // part-0000 gains an article with the id of part-0002's a-2-1: the first one
        // wins,
        // the later is a duplicate, as in a run without stamps.
        Path first = input.resolve("part-0000.json");
        String text = Files.readString(first);
        int end = text.lastIndexOf(']');
        String copy = Files.readString(input.resolve("part-0002.json"));
        String article = copy.substring(copy.indexOf("{\"id\":\"a-2-1\""), copy.indexOf(",{\"id\":\"a-2-2\""))
            .replaceFirst("Al-Sudani conveyed", "Al-Sudani said");
        Files.writeString(first, text.substring(0, end) + "," + article + "]");
        try (FileReads reads = FileReads.watch(input)) {
            CliRun run = export();
            assertThat(run.out()).contains("13 read, 1 exported, 11 unchanged, 1 rejected")
                .contains("duplicate id: the article at part-0000.json #5 has the same id");
            assertThat(reads.read()).containsOnlyKeys("part-0000.json", "part-0002.json");
        }
        // the file with a rejection is read every night, and its problem reported again
        try (FileReads reads = FileReads.watch(input)) {
            assertThat(export().out()).contains("13 read, 0 exported, 12 unchanged, 1 rejected")
                .contains("duplicate id: the article at part-0000.json #5 has the same id");
            assertThat(reads.read()).containsOnlyKeys("part-0002.json");
        }
    }

    @Test
    void aFailedRunStampsNothing() throws Exception {
        // a folder where a file of part-0002 must go: placing it fails, the run too
        Files.createDirectories(output.resolve("a-2-1.epub/blocked"));
        CliRun failed = export();
        assertThat(failed.code()).as(failed.out() + failed.err()).isNotZero();
        assertThat(count("SELECT COUNT(*) FROM INPUT_FILE_STAMP")).isZero();
        Files.delete(output.resolve("a-2-1.epub/blocked"));
        Files.delete(output.resolve("a-2-1.epub"));
        // resumes, then a new run goes over everything
        assertThat(export().code()).isZero();
        assertThat(count("SELECT COUNT(*) FROM INPUT_FILE_STAMP")).isEqualTo(3);
        assertThat(readBy("12 read, 0 exported, 12 unchanged")).isEmpty();
    }

    @Test
    void aChangedImageMakesItsFileRead() throws Exception {
        Files.createDirectories(input.resolve("images"));
        Files.copy(Path.of("input/images/harbour-dawn.png"), input.resolve("images/dawn.png"));
        Files.writeString(input.resolve("pictures.json"),
                """
                        [{"id": "pic", "title": "A picture", "language": "en", "intro": "An intro.",
                          "slides": [{"heading": "Dawn", "image": {"src": "images/dawn.png", "alt": "Dawn"}, "body": ["Boats."]}]}]
                        """);
        assertThat(readBy("13 read, 13 exported")).hasSize(4);
        assertThat(readBy("13 read, 0 exported, 13 unchanged")).isEmpty();
        Path image = input.resolve("images/dawn.png");
        Files.setLastModifiedTime(image, FileTime.fromMillis(Files.getLastModifiedTime(image).toMillis() + 60_000));
        assertThat(readBy("13 read, 1 exported, 12 unchanged")).containsOnlyKeys("pictures.json");
    }

    @Test
    void anOutputFolderUnchangedSinceACompletedRunIsTakenAsThatRunLeftIt() throws Exception {
        export();
        assertThat(count("SELECT COUNT(*) FROM OUTPUT_FOLDER_STATE")).as("its time is that of the run").isZero();
        ageOutputFolder();
        assertThat(readBy("12 read, 0 exported, 12 unchanged")).isEmpty();
        assertThat(count("SELECT MODIFIED FROM OUTPUT_FOLDER_STATE"))
            .isEqualTo(Files.getLastModifiedTime(output).to(TimeUnit.NANOSECONDS));

        // a removal changes the folder's time: the file is looked for, and made again
        Files.delete(output.resolve("a-2-3.epub"));
        assertThat(readBy("12 read, 1 exported, 11 unchanged")).containsOnlyKeys("part-0002.json");
        assertThat(output.resolve("a-2-3.epub")).exists();
        assertThat(count("SELECT COUNT(*) FROM OUTPUT_FOLDER_STATE")).isZero();

        // the folder is not listed while its time is the recorded one: a removal hidden
        // by
        // putting the time back is not seen (docs/operations.md: --force)
        ageOutputFolder();
        readBy("12 read, 0 exported, 12 unchanged");
        FileTime recorded = Files.getLastModifiedTime(output);
        Files.delete(output.resolve("a-1-1.epub"));
        Files.setLastModifiedTime(output, recorded);
        assertThat(readBy("12 read, 0 exported, 12 unchanged")).isEmpty();
        assertThat(output.resolve("a-1-1.epub")).doesNotExist();
        assertThat(readBy("12 read, 12 exported", "--force")).hasSize(3);
        assertThat(output.resolve("a-1-1.epub")).exists();
    }

    /** The output folder's time a minute back: a run cannot share its clock tick. */
    private void ageOutputFolder() throws IOException {
        Files.setLastModifiedTime(output, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    private Map<String, FileTime> times() throws IOException {
        Map<String, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private java.util.List<String> changedSince(Map<String, FileTime> before) throws IOException {
        return times().entrySet()
            .stream()
            .filter(e -> !e.getValue().equals(before.get(e.getKey())))
            .map(Map.Entry::getKey)
            .toList();
    }

    private long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/exporter"), "sa", "");
                ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
