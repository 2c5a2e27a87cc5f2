package dev.articleexporter.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.articleexporter.testing.SpecialFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule for which input files may be opened, as the image loader uses it too: a folder
 * and a path written in an article.
 */
class InputFilesTest {

    @TempDir
    Path folder;

    @TempDir
    Path outside;

    @Test
    void aRegularFileInsideIsReadableThroughItsRealPath() throws IOException {
        Files.createDirectories(folder.resolve("photos"));
        Files.writeString(folder.resolve("photos/a.png"), "png");
        Files.createSymbolicLink(folder.resolve("alias.png"), Path.of("photos/a.png"));
        Files.createSymbolicLink(folder.resolve("pics"), Path.of("photos"));
        for (String src : new String[] { "photos/a.png", "alias.png", "pics/a.png", "./photos/../photos/a.png" }) {
            InputFiles.Verdict verdict = InputFiles.check(folder, src);
            assertThat(verdict.readable()).as(src).isTrue();
            assertThat(verdict.reason()).isNull();
            assertThat(verdict.path()).isEqualTo(folder.resolve("photos/a.png").toRealPath());
            assertThat(verdict.size()).isEqualTo(3);
            try (InputStream in = verdict.open()) {
                assertThat(in.readAllBytes()).asString().isEqualTo("png");
            }
        }
        // An absolute path inside the folder is fine too (a JSON file found by listing
        // the folder).
        assertThat(InputFiles.check(folder, folder.resolve("photos/a.png")).readable()).isTrue();
    }

    @Test
    void pathsLeadingOutsideAreRefusedWithoutLookingAtTheTarget() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "hunter2-secret");
        Files.createSymbolicLink(folder.resolve("link.png"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(folder.resolve("away"), outside);
        assertThat(InputFiles.check(folder, "link.png")).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(InputFiles.Kind.OUTSIDE);
            assertThat(v.reason()).isEqualTo("a symbolic link to a file outside the input folder");
        });
        assertThat(InputFiles.check(folder, "away/secret.txt").kind()).isEqualTo(InputFiles.Kind.OUTSIDE);
        for (String src : new String[] { "../" + outside.getFileName() + "/secret.txt",
                outside.resolve("secret.txt").toString(), ".." }) {
            assertThat(InputFiles.check(folder, src)).as(src).satisfies(v -> {
                assertThat(v.kind()).isEqualTo(InputFiles.Kind.OUTSIDE);
                assertThat(v.reason()).isEqualTo("the path leads outside the input folder");
            });
        }
    }

    @Test
    void missingFoldersPipesAndBadPathsSayWhat() throws Exception {
        Files.createDirectory(folder.resolve("dir.png"));
        Files.createSymbolicLink(folder.resolve("gone.png"), Path.of("nowhere.png"));
        Path pipe = folder.resolve("pipe.png");
        SpecialFiles.mkfifo(pipe);
        try {
            assertThat(InputFiles.check(folder, "none.png"))
                .extracting(InputFiles.Verdict::kind, InputFiles.Verdict::reason)
                .containsExactly(InputFiles.Kind.MISSING, "not found");
            assertThat(InputFiles.check(folder, "gone.png"))
                .extracting(InputFiles.Verdict::kind, InputFiles.Verdict::reason)
                .containsExactly(InputFiles.Kind.MISSING, "a symbolic link to a file that does not exist");
            assertThat(InputFiles.check(folder, "dir.png"))
                .extracting(InputFiles.Verdict::kind, InputFiles.Verdict::reason)
                .containsExactly(InputFiles.Kind.FOLDER, "not a regular file (a folder)");
            InputFiles.Verdict piped = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> InputFiles.check(folder, "pipe.png"));
            assertThat(piped).extracting(InputFiles.Verdict::kind, InputFiles.Verdict::reason)
                .containsExactly(InputFiles.Kind.SPECIAL, "not a regular file (a named pipe)");
            assertThat(InputFiles.check(folder, "a\u0000b.png"))
                .extracting(InputFiles.Verdict::kind, InputFiles.Verdict::reason)
                .containsExactly(InputFiles.Kind.UNREADABLE, "not a valid file path");
        }
        finally {
            InputFolderSafetyTest.release(pipe);
        }
    }

}
