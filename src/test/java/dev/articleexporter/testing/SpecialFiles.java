package dev.articleexporter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Files that are not regular files, as hostile inputs: made with the system's own tools.
 */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /**
     * A named pipe, made with mkfifo; without the command the test is skipped, except
     * under {@code CI=true}, where it fails.
     */
    public static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        }
        catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("mkfifo is not installed", e);
            }
            Assumptions.abort("mkfifo is not installed: " + e.getMessage());
            return;
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }

}
