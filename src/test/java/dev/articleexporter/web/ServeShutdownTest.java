package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.cli.Cli;
import dev.articleexporter.testing.ChildJvm;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a real process, as systemd runs it: it listens and shows the page, its
 * schedule starts a run, SIGTERM stops that run at a chunk boundary (STOPPED, not FAILED)
 * and the process exits; the next export with the same settings resumes the run where it
 * stopped.
 */
class ServeShutdownTest {

    @TempDir
    Path work;

    @Test
    void sigtermStopsTheRunningExportCleanlyAndTheNextRunResumesIt() throws Exception {
        // 600 articles: several seconds of work
        Corpus.copiesOfTheSample(work.resolve("input"), 30, 20);
        String input = work.resolve("input").toString();
        String output = work.resolve("output").toString();
        String db = work.resolve("data/exporter").toString();
        Path log = work.resolve("serve.log");
        Process server = ChildJvm.start(List.of("-Xmx256m"), log, "serve", "--input", input, "--output", output, "--db",
                db, "--port", "0", "--cron", "*/1 * * * * *");
        try {
            String url = awaitLine(server, log, Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)"));
            HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Run export now");

            awaitFiles(server, log, 40);
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("the server exited").isTrue();
        }
        finally {
            server.destroyForcibly();
        }
        String printed = Files.readString(log);
        assertThat(printed).contains("Run 1 STOPPED (scheduled)")
            .contains("the next run resumes it")
            .doesNotContain("error:");
        assertThat(pdfs()).as("stopped before the end").isLessThan(600);

        CliRun runs = CliRun.of("runs", "--db", db);
        assertThat(runs.out().lines().skip(1).toList()).singleElement().asString().contains("STOPPED");

        // The command line's equivalent of serve's runs, which always write the digest:
        // same settings, so it resumes.
        CliRun export = CliRun.of("export", "--input", input, "--output", output, "--db", db, "--digest");
        assertThat(export.code()).as(export.out() + export.err()).isEqualTo(Cli.OK);
        assertThat(export.out()).contains("Resumed run 1, which had not finished")
            .contains("600 read, 0 exported, 600 unchanged, 0 rejected");
        assertThat(pdfs()).isEqualTo(600);
        String resumed = export.out().lines().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow();
        assertThat(resumed).contains("COMPLETED");
        long readByResume = Long.parseLong(resumed.replaceAll(".*: (\\d+) read.*", "$1"));
        assertThat(readByResume).as("the resumed run did not start over").isLessThan(600).isPositive();
    }

    private long pdfs() throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("output"))) {
            // articles' PDFs, not the nightly digest's
            return files.filter(f -> f.toString().endsWith(".pdf") && !f.getFileName().toString().startsWith("digest-"))
                .count();
        }
    }

    private static String awaitLine(Process child, Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not say where it listens; its output: " + Files.readString(log));
    }

    private void awaitFiles(Process child, Path log, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(work.resolve("output")) && pdfs() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "the scheduled run did not write " + count + " PDFs in time; output: " + Files.readString(log));
    }

}
