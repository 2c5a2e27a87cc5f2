package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.cli.Cli;
import dev.articleexporter.testing.ChildJvm;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real exporter process killed with SIGKILL mid-run, and one still running when a
 * second starts.
 */
class CrashRecoveryTest {

    @TempDir
    Path work;

    private String out;

    private String err;

    private int cli(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    private String[] export() {
        return new String[] { "export", "--input", work.resolve("input").toString(), "--output",
                work.resolve("output").toString(), "--db", work.resolve("data/exporter").toString() };
    }

    private long files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("output"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private void awaitFiles(Process child, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(work.resolve("output")) && files(".pdf") >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child did not write " + count + " PDFs in time; its log: "
                + Files.readString(work.resolve("child.log")));
    }

    @Test
    void aKilledRunIsRecoveredAndResumedWithoutRedoingItsWork() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 30, 20); // 600 articles
        Process child = ChildJvm.start(List.of("-Xmx256m"), work.resolve("child.log"), export());
        awaitFiles(child, 100, Duration.ofMinutes(2));
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing flushed
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(cli(export())).as(out + err).isEqualTo(Cli.OK);

        assertThat(out).contains("Resumed run 1, which had not finished");
        assertThat(files(".pdf")).isEqualTo(600);
        assertThat(files(".epub")).isEqualTo(600);
        assertThat(files(".part")).isZero();
        // The resumed run read only what the killed one had not committed.
        String resumed = out.lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow();
        long readAgain = Long.parseLong(resumed.replaceAll(".*: (\\d+) read.*", "$1"));
        assertThat(readAgain).isLessThan(600).isGreaterThanOrEqualTo(600 - files(".pdf"));

        // Then a new incremental run went over everything: nothing new, so nothing
        // rendered again.
        assertThat(out).contains("600 read, 0 exported, 600 unchanged, 0 rejected");

        assertThat(cli("runs", "--db", work.resolve("data/exporter").toString())).isZero();
        List<String> rows = out.lines().skip(1).toList(); // newest first
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("COMPLETED");
        assertThat(rows.get(1)).contains("COMPLETED").contains(" " + readAgain + " ");
        assertThat(rows.get(2)).contains("FAILED");
        // RUN, start (2), end (2), duration (2), STATUS, READ
        long firstRead = Long.parseLong(rows.get(2).trim().split("\\s+")[8]);
        assertThat(firstRead + readAgain).as("each article read once by a committed chunk").isEqualTo(600);
        assertThat(cli("runs", "--db", work.resolve("data/exporter").toString(), "--run", "1")).isZero();
        assertThat(out).contains("stopped without finishing (killed or crashed)");
    }

    @Test
    void aSecondExportWhileOneRunsIsRefusedAtOnceAndTheFirstIsUnaffected() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 20, 20); // 400 articles
        Process child = ChildJvm.start(List.of(), work.resolve("child.log"), export());
        awaitFiles(child, 20, Duration.ofMinutes(2));

        long started = System.nanoTime();
        int code = cli(export());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err)
            .contains("error: another export is using the history database " + work.resolve("data/exporter.mv.db"));
        assertThat(millis).as("refused before starting anything").isLessThan(2_000);

        // Another database, same output folder: refused too.
        code = cli("export", "--input", work.resolve("input").toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("other/exporter").toString());
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err).contains("error: another export is writing to " + work.resolve("output"));

        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(work.resolve("child.log"))).isZero();
        assertThat(files(".pdf")).isEqualTo(400);
    }

}
