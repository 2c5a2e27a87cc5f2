package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.BatchScopeLeaks;
import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * A full disk under the database or the output folder, on a real small file system (a 2
 * MB tmpfs this test mounts; it needs root, as CI has: under {@code CI=true} a failed
 * mount fails the test). The run either is on record as it says, or fails with one line
 * naming the place and the reason.
 */
class FullDiskTest {

    private static final Pattern RUN = Pattern.compile("Run (\\d+) COMPLETED");

    @TempDir
    static Path mountPoint;

    private static Path disk;

    @TempDir
    Path work;

    private Path input;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        disk = mountPoint.resolve("disk");
        Files.createDirectories(disk);
        // room for the history of the runs below (400 articles, each with its cover
        // files)
        // once the filler is gone
        int code = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString());
        if (code != 0) {
            String why = "cannot mount a small tmpfs (needs root): exit " + code;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            disk = null;
            Assumptions.abort(why);
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        // The database died under a running step here: Spring Batch's rollback failed
        // before it could release that step's scope context (testing.BatchScopeLeaks).
        BatchScopeLeaks.forget();
        if (disk != null) {
            run("umount", "-l", disk.toString());
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @BeforeEach
    void copySamples() throws IOException {
        input = work.resolve("input");
        FileSystemUtils.copyRecursively(Path.of("input"), input);
        try (var left = Files.list(disk)) { // empty the disk, which stays mounted
            for (Path p : left.toList()) {
                FileSystemUtils.deleteRecursively(p);
            }
        }
    }

    /**
     * Fills the disk until only about {@code freeKb} are left; returns the filler, to
     * delete.
     */
    private static Path fill(long freeKb) throws IOException {
        Path filler = disk.resolve("filler");
        long toWrite = Files.getFileStore(disk).getUsableSpace() - freeKb * 1024;
        ByteBuffer zeros = ByteBuffer.allocate(4096);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (toWrite > 0) {
                zeros.clear().limit((int) Math.min(4096, toWrite));
                toWrite -= out.write(zeros);
            }
        }
        catch (IOException full) {
            // the disk is as full as it gets
        }
        return filler;
    }

    @Test
    void aRunIsOnRecordAsItSaysOrFailsNamingTheDatabaseFolder() throws IOException {
        // Enough articles that each run's records make the database file grow (H2 reuses
        // free space inside it).
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 400; i++) {
            many.append(i == 0 ? "" : ",")
                .append("{\"id\": \"brief-")
                .append(i)
                .append("\", \"title\": \"Brief ")
                .append(i)
                .append("\", \"intro\": \"")
                .append("A short item for the record. ".repeat(3))
                .append("\"}");
        }
        Files.writeString(input.resolve("many.json"), many.append("]").toString());
        Path db = disk.resolve("db/exporter");
        String[] export = { "export", "--force", "--formats", "epub", "--input", input.toString(), "--output",
                work.resolve("out").toString(), "--db", db.toString() };
        assertThat(CliRun.of(export).code()).isEqualTo(Cli.OK);

        int failed = 0;
        List<String> seen = new ArrayList<>();
        for (long free : new long[] { 0, 16, 48, 96, 160, 256 }) {
            Path filler = fill(free);
            CliRun run = CliRun.of(export);
            Files.delete(filler);
            seen.add(free + " KB free: exit " + run.code());
            String what = free + " KB free: " + run.out() + run.err();
            if (run.code() == Cli.OK) {
                Matcher id = RUN.matcher(run.out());
                assertThat(id.find()).as(what).isTrue();
                CliRun record = CliRun.of("runs", "--db", db.toString(), "--run", id.group(1));
                assertThat(record.out()).as(what + "\n-> the history says: " + record.out() + record.err())
                    .contains("Run " + id.group(1) + " COMPLETED in ");
            }
            else {
                failed++;
                assertThat(run.code()).as(what).isEqualTo(Cli.FAILED);
                assertThat(run.err()).as(what)
                    .contains("the disk is full", "free some space in " + db.getParent())
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
                assertThat(run.err().lines().count()).as(what).isLessThanOrEqualTo(3);
            }
        }
        assertThat(failed).as("the disk was never full enough to matter: " + seen).isPositive();
        // And the history is whole again once there is room.
        CliRun after = CliRun.of(export);
        assertThat(after.code()).as(after.out() + after.err()).isEqualTo(Cli.OK);
    }

    @Test
    void aFullOutputDiskFailsTheRunWithOneLineAndTheCauseIsKept() throws IOException {
        Path output = disk.resolve("out");
        Path db = work.resolve("db/exporter");
        Files.createDirectories(output);
        fill(0);
        CliRun run = CliRun.of("export", "--input", input.toString(), "--output", output.toString(), "--db",
                db.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.FAILED);
        List<String> errors = run.err().lines().toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.getFirst()).startsWith("error: the run failed: cannot write " + output)
            .contains("No space left on device")
            .doesNotContain("Partition handler");
        Matcher id = Pattern.compile("Run (\\d+) FAILED").matcher(run.out());
        assertThat(id.find()).as(run.out()).isTrue();

        CliRun record = CliRun.of("runs", "--db", db.toString(), "--run", id.group(1));
        assertThat(record.out()).contains("The run failed: cannot write " + output)
            .contains("No space left on device")
            .doesNotContain("Partition handler");
    }

}
