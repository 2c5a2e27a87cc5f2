package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * A lock file replaced by a symbolic link is refused: nothing is created or written where
 * it points.
 */
class LockFileLinkTest {

    @TempDir
    Path work;

    private Path input;

    private Path outside;

    @BeforeEach
    void copySamples() throws IOException {
        input = work.resolve("input");
        FileSystemUtils.copyRecursively(Path.of("input"), input);
        outside = Files.createDirectories(work.resolve("outside"));
    }

    @Test
    void theOutputFoldersLockFileIsNotFollowed() throws IOException {
        Path output = Files.createDirectories(work.resolve("out"));
        Path planted = outside.resolve("planted");
        Files.createSymbolicLink(output.resolve(".article-exporter.lock"), planted);

        CliRun run = CliRun.of("export", "--input", input.toString(), "--output", output.toString(), "--db",
                work.resolve("db/x").toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.FAILED);
        assertThat(run.err())
            .contains("the lock file " + output.resolve(".article-exporter.lock") + " is a symbolic link");
        assertThat(planted).doesNotExist();
        try (var files = Files.list(output)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(".article-exporter.lock");
        }
    }

    @Test
    void theDatabasesLockFileIsNotFollowed() throws IOException {
        Path db = work.resolve("data/exporter");
        Files.createDirectories(db.getParent());
        Path planted = outside.resolve("db-planted");
        Files.writeString(planted, "someone else's file");
        Files.createSymbolicLink(db.resolveSibling("exporter.lock"), planted);

        CliRun run = CliRun.of("export", "--input", input.toString(), "--output", work.resolve("out").toString(),
                "--db", db.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
            .startsWith("error: the lock file " + db.resolveSibling("exporter.lock") + " is a symbolic link");
        assertThat(Files.readString(planted)).isEqualTo("someone else's file");
        assertThat(work.resolve("out")).doesNotExist();
    }

}
