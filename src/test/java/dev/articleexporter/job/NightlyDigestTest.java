package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.cli.Cli;
import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.model.Cover;
import dev.articleexporter.model.Digest;
import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.render.pdf.PdfJudge;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.PdfReadBack;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * {@code export --digest} end to end: the nightly digest written, recorded, summarised;
 * and when it is not.
 */
class NightlyDigestTest {

    private static final Pattern DIGEST_LINE = Pattern
        .compile("Digest:  (digest-(\\d{4}-\\d{2}-\\d{2})-run-(\\d+))\\.epub and \\.pdf: (.*)");

    @TempDir
    Path work;

    private Path input;

    private Path output;

    private String db;

    @BeforeEach
    void samples() throws IOException {
        input = work.resolve("input");
        output = work.resolve("output");
        db = work.resolve("data/exporter").toString();
        FileSystemUtils.copyRecursively(Path.of("input"), input);
    }

    private CliRun export(String... extra) {
        List<String> args = new ArrayList<>(
                List.of("export", "--input", input.toString(), "--output", output.toString(), "--db", db));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> digestFiles() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("digest-")).sorted().toList();
        }
    }

    private JdbcClient database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + db);
        h2.setUser("sa");
        return JdbcClient.create(h2);
    }

    /** The digest's cover and thumbnail are JPEGs of the stated sizes. */
    private void assertCover(String stem) throws IOException {
        for (String name : List.of(Cover.fileName(stem), Cover.thumbnailName(stem))) {
            BufferedImage image = ImageIO.read(output.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
            boolean full = name.equals(Cover.fileName(stem));
            assertThat(image.getWidth()).isEqualTo(full ? CoverMaker.WIDTH : CoverMaker.THUMBNAIL_WIDTH);
            assertThat(image.getHeight()).isEqualTo(full ? CoverMaker.HEIGHT : CoverMaker.THUMBNAIL_HEIGHT);
        }
    }

    /** The digest lines of a summary, in order. */
    private static List<Matcher> digests(CliRun run) {
        return run.out().lines().map(DIGEST_LINE::matcher).filter(Matcher::matches).toList();
    }

    /** Slide titles, each followed by its articles' titles indented. */
    private static List<String> outline(Path pdf) throws IOException {
        List<String> lines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDOutlineItem section : doc.getDocumentCatalog().getDocumentOutline().children()) {
                lines.add(section.getTitle());
                section.children().forEach(article -> lines.add("  " + article.getTitle()));
            }
        }
        return lines;
    }

    @Test
    void exportDigestWritesOneEpubAndOnePdfOfTheRunsArticlesRecordsAndNamesThem() throws Exception {
        CliRun run = export("--digest");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.OK);

        List<Matcher> lines = digests(run);
        assertThat(lines).as(run.out()).hasSize(1);
        Matcher line = lines.getFirst();
        String stem = line.group(1);
        assertThat(line.group(3)).isEqualTo("1");
        assertThat(line.group(4)).isEqualTo("3 articles in 3 sections");
        LocalDate date = LocalDate.parse(line.group(2));
        assertThat(ChronoUnit.DAYS.between(date, LocalDate.now(ZoneId.systemDefault()))).as("the run's date")
            .isBetween(0L, 1L);
        assertThat(digestFiles()).containsExactly(stem + ".cover.jpg", stem + ".epub", stem + ".pdf",
                stem + ".thumb.jpg");
        assertCover(stem);

        EpubCheckAssert.assertValid(output.resolve(stem + ".epub"));
        Path pdf = output.resolve(stem + ".pdf");
        PdfReadBack read = PdfReadBack.of(pdf);
        assertThat(read.title()).isEqualTo(Digest.title(date)).contains(Digest.longDate(date));
        assertThat(read.bodyText()).contains("Nightly digest " + Digest.longDate(date) + " 3 articles in 3 sections")
            .contains("Photo credits Example Travel Desk — slides 1, 2 Rail Archive — slide 4")
            .contains("Photo credits DepositPhotos — slides 1–3");
        assertThat(outline(pdf)).containsExactly("Personal Finance", "  Three Questions Before You Refinance",
                "Politics", "  Iraq’s Prime Minister Calls for Departure of U.S.-Led Military Coalition", "Travel",
                "  Five Harbour Towns to Visit in Winter");
        PdfJudge.assertConforms(pdf);

        DigestHistory editions = new DigestHistory(database());
        assertThat(editions.list(output, 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.fileStem()).isEqualTo(stem);
            assertThat(e.title()).isEqualTo(Digest.title(date));
            assertThat(e.articles()).isEqualTo(3);
            assertThat(e.runId()).isEqualTo(1);
            assertThat(e.extensions()).containsExactly("epub", "pdf");
        });

        assertThat(CliRun.of("runs", "--db", db, "--run", "1").out())
            .contains("Digest: " + stem + ".epub and .pdf: 3 articles");

        // Nothing changed since: the next night's run renders nothing, so there is no
        // digest to write.
        CliRun again = export("--digest");
        assertThat(again.code()).isEqualTo(Cli.OK);
        assertThat(again.out()).contains("3 read, 0 exported, 3 unchanged")
            .contains("Digest:  none: the run rendered no articles");
        assertThat(digestFiles()).containsExactly(stem + ".cover.jpg", stem + ".epub", stem + ".pdf",
                stem + ".thumb.jpg");
        assertThat(editions.count(output)).isEqualTo(1);
    }

    @Test
    void theDigestIsWrittenInExactlyTheRunsFormats() throws Exception {
        CliRun run = export("--formats", "pdf", "--digest");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.OK);
        Matcher line = Pattern.compile("Digest:  (digest-\\d{4}-\\d{2}-\\d{2}-run-1)\\.pdf: 3 articles in 3 sections")
            .matcher(run.out());
        assertThat(line.find()).as(run.out()).isTrue();
        String stem = line.group(1);
        assertThat(digestFiles()).containsExactly(stem + ".cover.jpg", stem + ".pdf", stem + ".thumb.jpg");
        PdfJudge.assertConforms(output.resolve(stem + ".pdf"));
        assertThat(new DigestHistory(database()).list(output, 0, 10)).singleElement()
            .satisfies(e -> assertThat(e.extensions()).containsExactly("pdf"));
        assertThat(CliRun.of("runs", "--db", db, "--run", "1").out()).contains("Digest: " + stem + ".pdf: 3 articles");
    }

    @Test
    void withoutTheOptionThereIsNoDigest() throws Exception {
        CliRun run = export();
        assertThat(run.code()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("3 read, 3 exported").doesNotContain("Digest");
        assertThat(digestFiles()).isEmpty();
        assertThat(new DigestHistory(database()).count(output)).isZero();
    }

    @Test
    void theLimitKeepsTheMostRecentlyPublishedAndSaysHowManyWereLeftOut() throws Exception {
        System.setProperty("exporter.digest.max-articles", "2");
        CliRun run;
        try {
            run = export("--digest");
        }
        finally {
            System.clearProperty("exporter.digest.max-articles");
        }
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.OK);
        Matcher line = digests(run).getFirst();
        assertThat(line.group(4))
            .isEqualTo("2 articles in 2 sections; 1 more left out (it keeps the 2 most recently published:"
                    + " exporter.digest.max-articles)");
        Path pdf = output.resolve(line.group(1) + ".pdf");
        // The dated article first, then the undated ones exported last: the sample's
        // iraq-coalition.json.
        assertThat(outline(pdf)).containsExactly("Politics",
                "  Iraq’s Prime Minister Calls for Departure of U.S.-Led Military Coalition", "Travel",
                "  Five Harbour Towns to Visit in Winter");
        assertThat(PdfReadBack.of(pdf).bodyText())
            .contains("This digest holds the 2 most recently published of the 3 articles"
                    + " the run exported (at most 2); the other one is in the output folder as a single file.");
        EpubCheckAssert.assertValid(output.resolve(line.group(1) + ".epub"));
        PdfJudge.assertConforms(pdf);
    }

    /**
     * The digest fails after its files are in place (the database refuses the record):
     * the run fails. Resumed, it writes the same files again and records them once,
     * leaving out the article whose input changed in between; the incremental run after
     * it has that article's digest.
     */
    @Test
    void aResumedRunWritesItsDigestOnceUnderTheSameName() throws Exception {
        Path samples = work.resolve("samples");
        Files.move(input, samples);
        Files.createDirectories(input);
        assertThat(export("--digest").out()).contains("Run 1 COMPLETED")
            .contains("Digest:  none: the run rendered no articles");
        JdbcClient jdbc = database();
        jdbc.sql("ALTER TABLE EXPORT_EDITION ADD CONSTRAINT NO_EDITIONS_YET CHECK (ARTICLES < 0)").update();
        FileSystemUtils.copyRecursively(samples, input);

        CliRun failed = export("--digest");
        assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(Cli.FAILED);
        assertThat(failed.out()).contains("Run 2 FAILED").doesNotContain("Digest:");
        assertThat(failed.err()).contains("error: the run failed:").contains("NO_EDITIONS_YET");
        List<String> orphans = digestFiles();
        assertThat(orphans).hasSize(4)
            .allMatch(n -> n.matches("digest-\\d{4}-\\d{2}-\\d{2}-run-2\\.(epub|pdf|cover\\.jpg|thumb\\.jpg)"));

        Path briefs = input.resolve("briefs.json");
        Files.writeString(briefs,
                Files.readString(briefs).replace("Divide the closing costs", "Divide the total closing costs"));
        jdbc.sql("ALTER TABLE EXPORT_EDITION DROP CONSTRAINT NO_EDITIONS_YET").update();

        CliRun resumed = export("--digest");
        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isEqualTo(Cli.OK);
        assertThat(resumed.out()).contains("Resumed run 2, which had not finished")
            .contains("Run 3 COMPLETED")
            .contains("briefs.json #2 (Three Questions Before You Refinance): left out of the nightly digest:"
                    + " its input changed since it was exported");
        List<Matcher> lines = digests(resumed);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).group(3)).as("named after the run it resumes").isEqualTo("2");
        assertThat(lines.get(0).group(4))
            .isEqualTo("2 articles in 2 sections; 1 left out because its input changed since" + " (see the warnings)");
        assertThat(lines.get(1).group(3)).as("the incremental run after it").isEqualTo("4");
        assertThat(lines.get(1).group(4)).isEqualTo("1 article in 1 section");

        String resumedStem = lines.get(0).group(1);
        String nextStem = lines.get(1).group(1);
        assertThat(digestFiles()).containsExactlyInAnyOrder(resumedStem + ".epub", resumedStem + ".pdf",
                resumedStem + ".cover.jpg", resumedStem + ".thumb.jpg", nextStem + ".epub", nextStem + ".pdf",
                nextStem + ".cover.jpg", nextStem + ".thumb.jpg");
        assertThat(orphans).containsExactly(resumedStem + ".cover.jpg", resumedStem + ".epub", resumedStem + ".pdf",
                resumedStem + ".thumb.jpg");
        assertThat(jdbc.sql("SELECT FILE_STEM, JOB_EXECUTION_ID, ARTICLES FROM EXPORT_EDITION ORDER BY ID")
            .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getInt(3))
            .list()).containsExactly(resumedStem + " 3 2", nextStem + " 4 1");
        assertThat(outline(output.resolve(resumedStem + ".pdf"))).containsExactly("Politics",
                "  Iraq’s Prime Minister Calls for Departure of U.S.-Led Military Coalition", "Travel",
                "  Five Harbour Towns to Visit in Winter");
        assertThat(outline(output.resolve(nextStem + ".pdf"))).containsExactly("Personal Finance",
                "  Three Questions Before You Refinance");
        assertThat(PdfReadBack.of(output.resolve(nextStem + ".pdf")).bodyText())
            .contains("Divide the total closing costs");
        EpubCheckAssert.assertValid(output.resolve(resumedStem + ".epub"));
        EpubCheckAssert.assertValid(output.resolve(nextStem + ".epub"));
        PdfJudge.assertConforms(output.resolve(resumedStem + ".pdf"));
        PdfJudge.assertConforms(output.resolve(nextStem + ".pdf"));
    }

}
