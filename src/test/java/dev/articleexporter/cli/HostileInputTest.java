package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are not what they claim to be, through a whole export and validate: a
 * {@code *.json} that is a link to a secret outside the input folder, a named pipe posing
 * as JSON and one posing as an image. Nothing hangs, each is named, the secret appears
 * nowhere (summary, log, database, and so the page, which shows what the database holds),
 * and the good article is exported.
 */
class HostileInputTest {

    private static final String SECRET = "AKIA-hunter2-7f3c9e";

    @TempDir
    Path work;

    private Path input;

    private Path db;

    @BeforeEach
    void hostileFolder() throws Exception {
        input = Files.createDirectories(work.resolve("input"));
        db = work.resolve("data/exporter");
        Files.copy(Path.of("input/images/harbour-dawn.png"), input.resolve("ok.png"));
        Files.writeString(input.resolve("a-good.json"), """
                {"id": "good", "title": "Good", "intro": "Text.",
                 "slides": [{"heading": "Pipe", "body": "Text.", "image": {"src": "pipe.png", "alt": "a pipe"}},
                            {"heading": "Fine", "body": "Text.", "image": {"src": "ok.png", "alt": "ok"}}]}
                """);
        Path secret = Files.writeString(Files.createDirectories(work.resolve("private")).resolve("credentials"),
                SECRET + "=" + SECRET + "\n");
        Files.createSymbolicLink(input.resolve("b-link.json"), secret);
        mkfifo(input.resolve("c-pipe.json"));
        mkfifo(input.resolve("pipe.png"));
    }

    private static void mkfifo(Path path) throws Exception {
        SpecialFiles.mkfifo(path);
    }

    @Test
    void exportNamesEachOneAndLeaksNothing() throws IOException {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.of("export", "--input",
                input.toString(), "--output", work.resolve("out").toString(), "--db", db.toString()));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.REJECTED);
        assertThat(run.out()).contains("2 rejected")
            .contains("b-link.json: a symbolic link to a file outside the input folder")
            .contains("c-pipe.json: not a regular file (a named pipe)")
            .contains("a-good.json (good): slide 1: image pipe.png: not a regular file (a named pipe)");
        assertThat(work.resolve("out/good.pdf")).exists();
        // the pipe's slide shows its alt text
        EpubCheckAssert.assertValid(work.resolve("out/good.epub"));

        String runs = CliRun.of("runs", "--db", db.toString(), "--run", "1").out();
        assertThat(runs).contains("b-link.json");
        try (Stream<Path> files = Files.walk(work.resolve("data"))) {
            // the log file and the database itself
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(SECRET)
                    .doesNotContain("hunter2");
            }
        }
        assertThat(run.out() + run.err() + runs).doesNotContain("hunter2");
    }

    @Test
    void validateNamesEachOneAndLeaksNothing() {
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> CliRun.of("validate", "--input", input.toString()));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.REJECTED);
        assertThat(run.out()).contains("b-link.json: a symbolic link to a file outside the input folder")
            .contains("c-pipe.json: not a regular file (a named pipe)")
            .contains("slide 1: image pipe.png: not a regular file (a named pipe)")
            .doesNotContain("hunter2");
    }

}
