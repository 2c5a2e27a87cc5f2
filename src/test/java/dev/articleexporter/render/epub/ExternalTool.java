package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the EPUB judges run (DAISY Ace, calibre, poppler) as a child process, in a
 * folder of its own and with a time limit. A missing program skips the test with what to
 * install, except where the tools are required ({@code CI=true}, which {@code .ci/run}
 * sets, or {@code ARTICLE_EXPORTER_REQUIRE_TOOLS=true}): there it fails, so a CI run
 * cannot pass by skipping its judges.
 */
final class ExternalTool {

    private ExternalTool() {
    }

    /**
     * How a run went.
     *
     * @param output standard output and error, interleaved
     */
    record Run(List<String> command, int exitCode, String output, Duration took) {

        /** The last lines of the output, for a failure message. */
        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("ARTICLE_EXPORTER_REQUIRE_TOOLS"));
    }

    /** {@code command} found on the PATH; if missing, skips or fails (see the class). */
    static Path find(String command, String install) {
        Optional<Path> found = onPath(command);
        if (found.isEmpty()) {
            missing(command + " is not installed: " + install);
        }
        return found.orElseThrow();
    }

    /** Skips the test, or fails it where the tools are required. */
    static void missing(String message) {
        if (required()) {
            fail(message + " (required here: CI=true or ARTICLE_EXPORTER_REQUIRE_TOOLS=true)");
        }
        Assumptions.abort(message);
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        return Stream.of((path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, command))
            .filter(Files::isExecutable)
            .findFirst();
    }

    /**
     * Whether this JVM runs as root: Chromium-based programs then need
     * {@code --no-sandbox}.
     */
    static boolean root() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this JVM's
     * environment; its output goes to {@code dir/<logName>.log} (a file, so a chatty tool
     * never blocks on a full pipe). Fails on timeout, after killing the process and its
     * children (Chromium's helpers would outlive it otherwise).
     */
    static Run run(Path dir, String logName, Duration timeout, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not finish within " + timeout + "; its output: " + log);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Run(List.copyOf(command), process.exitValue(),
                new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8), took);
    }

    /** {@link #run}, failing unless the program exits with 0. */
    static Run runOk(Path dir, String logName, Duration timeout, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Run run = run(dir, logName, timeout, env, command);
        if (run.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + run.exitCode() + ":\n" + run.tail());
        }
        return run;
    }

}
