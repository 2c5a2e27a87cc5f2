package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.render.pdf.PdfJudge;
import dev.articleexporter.testing.PdfReadBack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export job end to end on the bundled samples, against a real H2 file database. */
@SpringBootTest
@SpringBatchTest
class ExportJobTest {

    private static final Pattern PROMO = Pattern.compile("(?i)^(read more|also read|read next):.*");

    @TempDir
    static Path database;

    @TempDir
    Path work;

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    RunHistory history;

    @Autowired
    RunProblems problems;

    private Path input;

    private Path output;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + database.resolve("exporter"));
    }

    @BeforeEach
    void copySamples() throws IOException {
        input = work.resolve("input");
        output = work.resolve("output");
        FileSystemUtils.copyRecursively(Path.of("input"), input);
    }

    /**
     * What a run left: status, ids and the export step's counters. (The test class has no
     * method returning a JobExecution or StepExecution: @SpringBatchTest would take it
     * for a scope factory.)
     */
    private record Run(BatchStatus status, long id, long instanceId, Counts counts) {
    }

    private record Counts(long read, long written, long filtered) {
    }

    private Run run(List<String> formats) throws Exception {
        ExportSettings settings = new ExportSettings(input, output, formats, RelatedMode.KEEP);
        JobExecution execution = jobs.startJob(settings.toJobParameters(Instant.now()));
        StepExecution step = execution.getStepExecutions()
            .stream()
            .filter(s -> s.getStepName().equals(ExportJobConfig.STEP_NAME))
            .findFirst()
            .orElseThrow();
        return new Run(execution.getStatus(), execution.getId(), execution.getJobInstanceId(),
                new Counts(step.getReadCount(), step.getWriteCount(), step.getFilterCount()));
    }

    @Test
    void theSamplesBecomeOnePdfAndOneEpubEach() throws Exception {
        Run execution = run(List.of("pdf", "epub"));

        assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.counts()).isEqualTo(new Counts(3, 3, 0));
        List<String> stems = List.of("iraq-pm-calls-for-departure-of-us-led-coalition",
                "five-harbour-towns-to-visit-in-winter", "three-questions-before-you-refinance");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(stems.stream()
                .flatMap(s -> Stream.of(s + ".pdf", s + ".epub", s + ".cover.jpg", s + ".thumb.jpg"))
                .toList());
        }
        assertThat(problems.of(execution.id())).containsExactly(new Problem(Problem.Kind.WARNING, "briefs.json #1",
                "five-harbour-towns-to-visit-in-winter", "slide 4: image images/missing-photo.jpg: not found"));
        assertThat(EpubCheckAssert.assertAllValid(output)).isEqualTo(3);
        assertThat(PdfJudge.assertAllConform(output)).isEqualTo(3);
    }

    @Test
    void everyPdfCarriesEveryHeadingAndParagraph() throws Exception {
        run(List.of("pdf"));
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> articles = new ArrayList<>();
        articles.add(json.readTree(input.resolve("iraq-coalition.json").toFile()));
        json.readTree(input.resolve("briefs.json").toFile()).forEach(articles::add);
        List<String> stems = List.of("iraq-pm-calls-for-departure-of-us-led-coalition",
                "five-harbour-towns-to-visit-in-winter", "three-questions-before-you-refinance");

        for (int i = 0; i < articles.size(); i++) {
            JsonNode article = articles.get(i);
            PdfReadBack pdf = PdfReadBack.of(output.resolve(stems.get(i) + ".pdf"));
            assertThat(pdf.title()).isEqualTo(article.get("title").asString());
            assertThat(pdf.author())
                .isEqualTo(article.has("author") ? article.get("author").asString() : article.get("site").asString());
            assertThat(pdf.language()).isEqualTo("en");
            assertThat(pdf.bodyText()).contains(PdfReadBack.fold(article.get("title").asString()));
            List<String> headings = new ArrayList<>();
            for (JsonNode slide : article.get("slides")) {
                headings.add(slide.get("heading").asString());
                assertThat(pdf.bodyText()).contains(slide.get("heading").asString());
                JsonNode body = slide.get("body");
                List<String> paragraphs = new ArrayList<>();
                if (body.isArray()) {
                    body.forEach(p -> paragraphs.add(p.asString()));
                }
                else {
                    paragraphs.add(body.asString());
                }
                for (String paragraph : paragraphs) {
                    if (PROMO.matcher(paragraph).matches()) {
                        assertThat(pdf.bodyText()).as("the promotion goes to the closing list, not the slide")
                            .contains(paragraph.substring(paragraph.indexOf(':') + 1).strip());
                    }
                    else {
                        assertThat(pdf.bodyText()).contains(PdfReadBack.fold(paragraph));
                    }
                }
            }
            assertThat(pdf.outline()).hasSize(headings.size());
            for (int h = 0; h < headings.size(); h++) {
                assertThat(pdf.outline().get(h)).contains(headings.get(h));
            }
            assertThat(pdf.fonts()).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.isStandard14()).as(font.getName() + " not base-14").isFalse();
            });
        }
        PdfReadBack iraq = PdfReadBack.of(output.resolve(stems.getFirst() + ".pdf"));
        assertThat(iraq.bodyText()).contains("More from The Stock Dork")
            .contains("DepositPhotos")
            .doesNotContain("Depositphotos");
    }

    @Test
    void twoRunsInARowBothCompleteAndAreKept() throws Exception {
        Run first = run(List.of("epub"));
        Run second = run(List.of("epub"));
        assertThat(first.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(EpubCheckAssert.assertAllValid(output)).isEqualTo(3);
        assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
        assertThat(history.find(first.id())).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo("COMPLETED");
            assertThat(r.read()).isEqualTo(3);
            assertThat(r.exported()).isEqualTo(3);
            assertThat(r.warnings()).isEqualTo(1);
        });
        assertThat(history.recent(2)).extracting(r -> r.executionId()).containsExactly(second.id(), first.id());
    }

    @Test
    void badInputsAreRejectedByNameAndTheRestIsExported() throws Exception {
        Files.writeString(input.resolve("broken.json"), "{\"title\": \"Broken\",,}");
        Files.writeString(input.resolve("mixed.json"),
                "[{\"id\": \"fine\", \"title\": \"Fine\"}, {\"id\": \"untitled\", \"slides\": []}]");
        Files.writeString(input.resolve("readme.txt"), "not an input");

        Run execution = run(List.of("pdf", "epub"));

        assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.counts()).isEqualTo(new Counts(6, 4, 2));
        List<Problem> rejected = problems.of(execution.id())
            .stream()
            .filter(p -> p.kind() == Problem.Kind.REJECTED)
            .toList();
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).file()).isEqualTo("broken.json");
        assertThat(rejected.get(0).message()).startsWith("not valid JSON: line 1, column ");
        assertThat(rejected.get(1)).isEqualTo(new Problem(Problem.Kind.REJECTED, "mixed.json #2", "untitled",
                "the article has no title (\"title\" is required)"));
        assertThat(output.resolve("fine.pdf")).exists();
        assertThat(EpubCheckAssert.assertAllValid(output)).isEqualTo(4);
        assertThat(PdfJudge.assertAllConform(output)).isEqualTo(4);
        assertThat(output.resolve("untitled.pdf")).doesNotExist();
    }

}
