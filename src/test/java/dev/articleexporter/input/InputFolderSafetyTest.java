package dev.articleexporter.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.articleexporter.testing.SpecialFiles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only regular files inside the input folder are read: links leading out, pipes, sockets
 * are reported, never opened.
 */
class InputFolderSafetyTest {

    @TempDir
    Path folder;

    @TempDir
    Path outside;

    private List<Input> readFolder() {
        return readFolder(folder);
    }

    private static List<Input> readFolder(Path folder) {
        ArticleReader reader = new ArticleReader(folder);
        reader.open();
        List<Input> inputs = new ArrayList<>();
        try {
            for (Input input = reader.read(); input != null; input = reader.read()) {
                inputs.add(input instanceof Input.Parsed p ? p.checked() : input);
            }
        }
        finally {
            reader.close();
        }
        return inputs;
    }

    private static String text(Input input) {
        return input instanceof Input.Parsed p ? p.article().id() + " " + p.article().title() : input.toString();
    }

    @Test
    void aLinkToAFileOutsideIsReportedAndNeverRead() throws IOException {
        Files.writeString(outside.resolve("token.txt"), "hunter2-secret and more\n");
        Files.writeString(outside.resolve("article.json"),
                "{\"id\": \"hunter2-secret\", \"title\": \"hunter2-secret\"}");
        Files.createSymbolicLink(folder.resolve("link.json"), outside.resolve("token.txt"));
        Files.createSymbolicLink(folder.resolve("other.json"), outside.resolve("article.json"));
        Files.writeString(folder.resolve("real.json"), "{\"id\": \"r\", \"title\": \"Real\"}");

        List<Input> inputs = readFolder();
        assertThat(inputs).hasSize(3);
        assertThat(inputs.get(0)).isEqualTo(new Input.Rejected(Origin.wholeFile("link.json"),
                "a symbolic link to a file outside the input folder; not read"));
        assertThat(inputs.get(1)).isEqualTo(new Input.Rejected(Origin.wholeFile("other.json"),
                "a symbolic link to a file outside the input folder; not read"));
        assertThat(text(inputs.get(2))).isEqualTo("r Real");
        assertThat(inputs).noneSatisfy(i -> assertThat(text(i)).contains("hunter2"));
        assertThat(new InputFolder(folder).countArticles()).isEqualTo(3);
    }

    @Test
    void aLinkToAFileInsideIsReadNormally() throws IOException {
        Files.createDirectory(folder.resolve("feeds"));
        Files.writeString(folder.resolve("feeds/today.json"),
                "[{\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"b\", \"title\": \"B\"}]");
        Files.createSymbolicLink(folder.resolve("today.json"), Path.of("feeds/today.json"));
        List<Input> inputs = readFolder();
        assertThat(inputs).extracting(InputFolderSafetyTest::text).containsExactly("a A", "b B");
        assertThat(inputs.get(1).origin()).isEqualTo(new Origin("today.json", 2));
        assertThat(new InputFolder(folder).countArticles()).isEqualTo(2);
    }

    @Test
    void aFolderNamedLikeJsonIsIgnoredSilently() throws IOException {
        Files.createDirectory(folder.resolve("archive.json"));
        Files.createDirectory(folder.resolve("inner"));
        Files.createSymbolicLink(folder.resolve("alias.json"), Path.of("inner"));
        Files.writeString(folder.resolve("a.json"), "{\"id\": \"a\", \"title\": \"A\"}");
        assertThat(readFolder()).extracting(InputFolderSafetyTest::text).containsExactly("a A");
        assertThat(new InputFolder(folder).countArticles()).isEqualTo(1);
    }

    @Test
    void aNamedPipeIsReportedWithoutBeingOpened() throws Exception {
        Path pipe = folder.resolve("pipe.json");
        mkfifo(pipe);
        Files.createSymbolicLink(folder.resolve("via-link.json"), Path.of("pipe.json"));
        Files.writeString(folder.resolve("a.json"), "{\"id\": \"a\", \"title\": \"A\"}");
        try {
            // A hang guard, not a speed check: opening a pipe blocks until someone writes
            // to it.
            List<Input> inputs = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readFolder());
            assertThat(inputs).hasSize(3);
            assertThat(text(inputs.get(0))).isEqualTo("a A");
            assertThat(inputs.get(1)).isEqualTo(
                    new Input.Rejected(Origin.wholeFile("pipe.json"), "not a regular file (a named pipe); not read"));
            assertThat(inputs.get(2)).isEqualTo(new Input.Rejected(Origin.wholeFile("via-link.json"),
                    "not a regular file (a named pipe); not read"));
        }
        finally {
            release(pipe);
        }
    }

    @Test
    void countingArticlesNeverOpensAPipe() throws Exception {
        Path pipe = folder.resolve("pipe.json");
        mkfifo(pipe);
        Files.writeString(folder.resolve("a.json"), "[{\"title\": \"A\"}, {\"title\": \"B\"}]");
        try {
            int count = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> new InputFolder(folder).countArticles());
            assertThat(count).isEqualTo(3); // the pipe is one rejection
        }
        finally {
            release(pipe);
        }
    }

    @Test
    void aSocketIsReported() throws IOException {
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(folder.resolve("sock.json")));
            assertThat(readFolder()).containsExactly(
                    new Input.Rejected(Origin.wholeFile("sock.json"), "not a regular file (a socket); not read"));
        }
    }

    @Test
    void aLinkToNothingIsReported() throws IOException {
        Files.createSymbolicLink(folder.resolve("gone.json"), Path.of("nowhere.json"));
        assertThat(readFolder()).containsExactly(new Input.Rejected(Origin.wholeFile("gone.json"),
                "a symbolic link to a file that does not exist; not read"));
    }

    @Test
    void aFolderGivenAsARelativePathIsReadAsBefore() {
        // the bundled samples, from the project folder tests run in
        Path relative = Path.of("input");
        assertThat(relative.isAbsolute()).isFalse();
        List<Input> inputs = readFolder(relative);
        assertThat(inputs).isNotEmpty().allSatisfy(i -> assertThat(i).isInstanceOf(Input.Parsed.class));
        assertThat(new InputFolder(relative).countArticles()).isEqualTo(inputs.size());
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        SpecialFiles.mkfifo(path);
    }

    /**
     * Opens the pipe for reading and writing and closes it again: a reader stuck in
     * open() gets end of file.
     */
    static void release(Path pipe) throws IOException, InterruptedException {
        new ProcessBuilder("sh", "-c", "exec 3<>\"$1\"", "sh", pipe.toString()).start().waitFor(20, TimeUnit.SECONDS);
    }

}
