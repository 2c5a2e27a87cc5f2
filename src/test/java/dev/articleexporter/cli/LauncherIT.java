package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/article-exporter} as users run it, on the jar this build made (after
 * {@code package}): with Spring AOT, whose build-time decisions must not hide the
 * progress bar, and with the class cache, which must be learnt only from an export that
 * did real work.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/article-exporter").toAbsolutePath();

    private static final Path TARGET = Path.of(System.getProperty("build.dir", "target")).toAbsolutePath();

    @TempDir
    Path work;

    private record Result(int code, String output) {
    }

    private Result launch(Map<String, String> environment, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("ARTICLE_EXPORTER_TARGET", TARGET.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private List<String> export(Path output, String... extra) {
        List<String> command = new ArrayList<>(
                List.of(LAUNCHER.toString(), "export", "--input", Path.of("input").toAbsolutePath().toString(),
                        "--output", output.toString(), "--db", work.resolve("db/x").toString()));
        command.addAll(List.of(extra));
        return command;
    }

    @Test
    void theProgressBarShowsOnATerminalThroughTheLauncherAndNotInAPipe() throws Exception {
        // script(1) gives the export a pseudo-terminal, as a person at a terminal has.
        String line = String.join(" ",
                export(work.resolve("tty")).stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Result onTerminal = launch(Map.of("ARTICLE_EXPORTER_NO_CACHE", "1"),
                List.of("script", "-qec", line, "/dev/null"));
        assertThat(onTerminal.code()).as(onTerminal.output()).isZero();
        assertThat(onTerminal.output()).contains("Exporting", "3/3").contains("Run 1 COMPLETED");

        Result piped = launch(Map.of("ARTICLE_EXPORTER_NO_CACHE", "1"), export(work.resolve("pipe")));
        assertThat(piped.code()).as(piped.output()).isZero();
        assertThat(piped.output()).doesNotContain("Exporting").contains("COMPLETED");
    }

    @Test
    void theClassCacheIsLearntOnlyFromAnExportThatDidRealWork() throws Exception {
        Path app = TARGET.resolve("app");
        forgetCache(app);
        Path empty = Files.createDirectories(work.resolve("empty"));
        // the samples exported once without the cache: run again, every article is
        // unchanged
        Result first = launch(Map.of("ARTICLE_EXPORTER_NO_CACHE", "1"), export(work.resolve("again")));
        assertThat(first.code()).as(first.output()).isZero();
        List<String> unchanged = export(work.resolve("again"));
        List<List<String>> noRealWork = List.of(List.of(LAUNCHER.toString(), "export", "--help"),
                List.of(LAUNCHER.toString(), "--version"), List.of(LAUNCHER.toString(), "export", "--no-such-option"),
                List.of(LAUNCHER.toString(), "export", "--input", empty.toString(), "--output",
                        work.resolve("e").toString(), "--db", work.resolve("db/e").toString()),
                unchanged);
        for (List<String> command : noRealWork) {
            Result result = launch(Map.of(), command);
            // a background build, had one started, would have left its files by now
            Thread.sleep(2000);
            assertThat(cacheFiles(app)).as(command + " -> " + result.output()).isEmpty();
        }

        Result real = launch(Map.of(), export(work.resolve("out")));
        assertThat(real.code()).as(real.output()).isZero();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!hasCache(app) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        assertThat(hasCache(app)).as("a class cache in " + app + ": " + cacheFiles(app)).isTrue();
    }

    private static void forgetCache(Path app) throws IOException {
        for (Path file : cacheFiles(app)) {
            Files.deleteIfExists(file);
        }
    }

    private static boolean hasCache(Path app) throws IOException {
        return Files.exists(app.resolve("article-exporter.aot")) || Files.exists(app.resolve("article-exporter.jsa"));
    }

    private static List<Path> cacheFiles(Path app) throws IOException {
        if (!Files.isDirectory(app)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(app)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith("article-exporter.") && !name.endsWith(".jar");
            }).toList();
        }
    }

}
