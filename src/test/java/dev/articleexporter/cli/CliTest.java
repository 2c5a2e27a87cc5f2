package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The command-line contract: commands, options, output and exit codes, run in-process.
 */
class CliTest {

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

    private String[] export(String... extra) {
        String[] base = { "export", "--input", input.toString(), "--output", work.resolve("output").toString(), "--db",
                work.resolve("data/exporter").toString() };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void helpAndVersionAnswerWithoutRunningAnything() {
        assertThat(cli("--help")).isZero();
        assertThat(out).contains("export", "runs", "Exit codes:", "3   the run finished but some inputs were rejected");
        assertThat(cli("export", "--help")).isZero();
        assertThat(out).contains("--input=DIR", "--formats=LIST", "--page-size=A4|letter", "--related=keep|drop",
                "--pdf-profile=archive|none");
        assertThat(cli("runs", "--help")).isZero();
        assertThat(out).contains("--limit=N");
        assertThat(cli("--version")).isZero();
        assertThat(out).startsWith("article-exporter ");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(cli("--no-such-option")).isEqualTo(Cli.USAGE);
        assertThat(err).contains("Unknown option: '--no-such-option'");
        assertThat(cli("export", "--page-size", "A3")).isEqualTo(Cli.USAGE);
        assertThat(cli("export", "--pdf-profile", "pdfa")).isEqualTo(Cli.USAGE);
        assertThat(cli("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(cli("export", "--input", work.resolve("nowhere").toString())).isEqualTo(Cli.USAGE);
        assertThat(err).contains("input folder not found: " + work.resolve("nowhere"));
        assertThat(work.resolve("output")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsBadUsage() {
        assertThat(cli(export("--formats", "pdf,docx"))).isEqualTo(Cli.USAGE);
        assertThat(err).contains("unknown format 'docx'; available: epub, pdf");
    }

    @Test
    void theSamplesExportWithExitZeroAndASummary() throws IOException {
        assertThat(cli(export())).isEqualTo(Cli.OK);
        assertThat(out).contains("COMPLETED", "3 read, 3 exported, 0 rejected, 1 warning.")
            .contains("Output:  " + work.resolve("output"))
            .contains(
                    "briefs.json #1 (five-harbour-towns-to-visit-in-winter): slide 4: image images/missing-photo.jpg: not found");
        try (var files = Files.list(work.resolve("output"))) {
            // a PDF, an EPUB, a cover and a thumbnail each
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith("."))).hasSize(12);
        }
        assertThat(EpubCheckAssert.assertAllValid(work.resolve("output"))).isEqualTo(3);
        assertThat(work.resolve("data/exporter.mv.db")).exists();
        assertThat(work.resolve("data/article-exporter.log")).exists();

        // Same input again tonight: a new run, not "already complete".
        assertThat(cli(export("--formats", "epub", "--related", "drop", "--page-size", "letter"))).isEqualTo(Cli.OK);
        assertThat(EpubCheckAssert.assertAllValid(work.resolve("output"))).isEqualTo(3);

        assertThat(cli("runs", "--db", work.resolve("data/exporter").toString())).isZero();
        assertThat(out.lines().filter(l -> l.contains("COMPLETED"))).hasSize(2);
        assertThat(out).contains("STATUS", "READ", "EXPORTED", "REJECTED");
        assertThat(cli("runs", "--db", work.resolve("data/exporter").toString(), "--run", "1")).isZero();
        assertThat(out).contains("Run 1 COMPLETED in ", "WARNING", "missing-photo.jpg");
    }

    @Test
    void thePdfProfileDecidesWhatThePdfsClaimAndAChangeRendersThemAgain() throws IOException {
        assertThat(cli(export("--formats", "pdf", "--pdf-profile", "none"))).isEqualTo(Cli.OK);
        assertThat(xmpInEveryPdf()).containsOnly(false).hasSize(3);
        // the profile is part of each article's fingerprint: not "unchanged"
        assertThat(cli(export("--formats", "pdf"))).isEqualTo(Cli.OK);
        assertThat(out).contains("3 read, 3 exported, 0 rejected");
        assertThat(xmpInEveryPdf()).containsOnly(true).hasSize(3);
    }

    /** Per PDF of the output: whether it has XMP metadata (the archive profile's). */
    private java.util.List<Boolean> xmpInEveryPdf() throws IOException {
        java.util.List<Boolean> found = new java.util.ArrayList<>();
        try (var files = Files.list(work.resolve("output"))) {
            for (Path pdf : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                    found.add(doc.getDocumentCatalog().getMetadata() != null);
                }
            }
        }
        return found;
    }

    @Test
    void rejectedInputsExitThreeAndAreNamed() throws IOException {
        Files.writeString(input.resolve("zz-broken.json"), "{ not json");
        assertThat(cli(export("--formats", "epub"))).isEqualTo(Cli.REJECTED);
        assertThat(out).contains("3 exported, 1 rejected")
            .contains("Rejected (1):")
            .contains("zz-broken.json: not valid JSON: line 1");
        assertThat(EpubCheckAssert.assertAllValid(work.resolve("output"))).isEqualTo(3);
    }

    @Test
    void aRunThatCannotWriteFailsWithExitOne() throws IOException {
        Path notAFolder = Files.writeString(work.resolve("output-is-a-file"), "x");
        int code = cli("export", "--input", input.toString(), "--output", notAFolder.toString(), "--db",
                work.resolve("data/exporter").toString(), "--formats", "epub");
        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(out).contains("FAILED");
        assertThat(err).contains("error: the run failed: ").contains(notAFolder.toString());
        assertThat(cli("runs", "--db", work.resolve("data/exporter").toString())).isZero();
        assertThat(out).contains("FAILED");
    }

    @Test
    void runsWithoutADatabaseSaysSo() {
        assertThat(cli("runs", "--db", work.resolve("none/exporter").toString())).isZero();
        assertThat(out).contains("No runs recorded yet");
        assertThat(work.resolve("none")).doesNotExist();
    }

}
