package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * Bad option values are usage errors (exit 2) with one plain line, before anything is
 * created or run.
 */
class OptionsTest {

    @TempDir
    Path work;

    private Path input;

    private String out;

    private String err;

    @BeforeEach
    void copySamples() throws IOException {
        input = work.resolve("input");
        FileSystemUtils.copyRecursively(Path.of("input"), input);
    }

    private int cli(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @Test
    void anEmptyDbIsAUsageErrorAndWritesNothingBesideTheCurrentFolder() throws IOException {
        Path cwdParent = Path.of("").toAbsolutePath().getParent();
        String besideCwd = Path.of("").toAbsolutePath().getFileName() + ".mv.db";
        assertThat(cli("export", "--input", input.toString(), "--output", work.resolve("out").toString(), "--db", ""))
            .isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: --db is empty").doesNotContain("Exception");
        assertThat(cwdParent.resolve(besideCwd)).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(cli("runs", "--db", " ")).isEqualTo(Cli.USAGE);
    }

    @Test
    void aDbThatIsAFolderIsAUsageErrorWithoutAStackTrace() {
        assertThat(cli("export", "--input", input.toString(), "--output", work.resolve("out").toString(), "--db", "/"))
            .isEqualTo(Cli.USAGE);
        assertThat(err).contains("--db / names a folder, not a database file").doesNotContain("NullPointerException");
        assertThat(err.lines().count()).isLessThanOrEqualTo(2);
        assertThat(cli("runs", "--db", work.toString())).isEqualTo(Cli.USAGE);
        assertThat(err).contains("names a folder");
        assertThat(cli("runs", "--db", work + "/")).isEqualTo(Cli.USAGE);
    }

    @Test
    void threadsLimitAndFontsAreChecked() {
        String[] export = { "export", "--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db/x").toString() };
        assertThat(cli(concat(export, "--threads", "65"))).isEqualTo(Cli.USAGE);
        assertThat(err).contains("--threads must be 0 (one per CPU core) or 1 to 64, not 65");
        assertThat(cli(concat(export, "--threads", "-1"))).isEqualTo(Cli.USAGE);
        assertThat(cli(concat(export, "--fonts", work.resolve("no-such-fonts").toString()))).isEqualTo(Cli.USAGE);
        assertThat(err).contains("--fonts: " + work.resolve("no-such-fonts") + " does not exist");
        assertThat(cli(concat(export, "--article-time-limit", "0"))).isEqualTo(Cli.USAGE);
        assertThat(cli("runs", "--db", work.resolve("db/x").toString(), "--limit", "0")).isEqualTo(Cli.USAGE);
        assertThat(err).contains("--limit must be 1 to 10000, not 0");
        assertThat(cli("runs", "--db", work.resolve("db/x").toString(), "--limit", "10001")).isEqualTo(Cli.USAGE);
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("db")).doesNotExist();
    }

    @Test
    void helpAndHelpCommandWork() {
        assertThat(cli("help")).isZero();
        assertThat(out).contains("Usage: article-exporter", "export", "validate");
        assertThat(cli("help", "export")).isZero();
        assertThat(out).contains("Usage: article-exporter export", "--threads=N");
        assertThat(cli("help", "validate")).isZero();
        assertThat(out).contains("--page-size", "--related", "--max-image-size", "--article-time-limit",
                "--pdf-profile");
    }

    @Test
    void validateTakesTheRenderOptionsAndItsExitCodeTellsWarningsFromRejections() throws IOException {
        // The bundled input has one warning (a missing image) and nothing rejected;
        // --max-image-size 400 adds two.
        assertThat(cli("validate", "--input", input.toString(), "--page-size", "letter", "--related", "drop",
                "--max-image-size", "400", "--article-time-limit", "30"))
            .isEqualTo(Cli.WARNINGS);
        assertThat(out).contains("downscaled from 640×360 to 400×225 pixels",
                "would be exported, 0 rejected, 3 warnings");

        Path clean = Files.createDirectories(work.resolve("clean"));
        Files.writeString(clean.resolve("a.json"), "{\"id\": \"a\", \"title\": \"A\", \"intro\": \"Text.\"}");
        assertThat(cli("validate", "--input", clean.toString())).isEqualTo(Cli.OK);

        Files.writeString(clean.resolve("b.json"), "{\"id\": \"b\"}");
        assertThat(cli("validate", "--input", clean.toString())).isEqualTo(Cli.REJECTED);
        assertThat(cli("validate", "--input", clean.toString(), "--page-size", "A3")).isEqualTo(Cli.USAGE);
    }

    @Test
    void anEmptyInputFolderSaysSo() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not an input");
        assertThat(cli("export", "--input", empty.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db/x").toString()))
            .isEqualTo(Cli.OK);
        assertThat(out).contains("The input folder " + empty + " has no *.json files: nothing to export.");
        assertThat(cli("validate", "--input", empty.toString())).isEqualTo(Cli.OK);
        assertThat(out).contains("has no *.json files");
    }

    private static String[] concat(String[] base, String... extra) {
        return Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    }

}
