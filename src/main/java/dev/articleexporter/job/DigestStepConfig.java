package dev.articleexporter.job;

import dev.articleexporter.model.Digest;
import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.render.RenderSettings;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.pdf.PdfRenderer;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step after the export: when the run was asked for one ({@link ExportSettings#digest()}),
 * writes the nightly digest of the articles the run rendered, as {@code <stem>.epub} and
 * {@code <stem>.pdf} in the output folder, and records it ({@link DigestHistory}). Without the flag it
 * does nothing.
 *
 * <p>Restarts: a run's articles are those of all its executions, and the edition's name comes
 * from the run's first execution and the time it was requested, so a resumed run writes the same
 * files again (replacing any a failure left unrecorded) and records the edition once.
 */
@Configuration
public class DigestStepConfig {

    public static final String STEP_NAME = "nightly-digest";

    private static final Logger log = LoggerFactory.getLogger(DigestStepConfig.class);

    @Bean
    Step editionStep(JobRepository repository, PlatformTransactionManager transactions, EditionTasklet editionTasklet) {
        return new StepBuilder(STEP_NAME, repository).tasklet(editionTasklet, transactions).build();
    }

    /**
     * @param maxArticles the most articles an edition holds: the most recently published are kept
     * @param timeZone    the zone of the edition's date; empty for the machine's
     */
    @Bean
    EditionTasklet editionTasklet(JobRepository repository, RunArticles articles, RunProblems problems, DigestHistory editions,
                         DigestMaker maker, EpubRenderer epub, PdfRenderer pdf, OutputFormats formats,
                         RenderSettings renderSettings,
                         @Value("${exporter.digest.max-articles:200}") int maxArticles,
                         @Value("${exporter.digest.time-zone:}") String timeZone) {
        if (maxArticles < 1) {
            throw new IllegalArgumentException("exporter.digest.max-articles must be at least 1, not " + maxArticles);
        }
        ZoneId zone = timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone.strip());
        return new EditionTasklet(repository, articles, problems, editions, maker, epub, pdf, formats, renderSettings, maxArticles,
                zone);
    }

    /** The step's work: one call per step execution. */
    static final class EditionTasklet implements Tasklet {

        private final JobRepository repository;
        private final RunArticles articles;
        private final RunProblems problems;
        private final DigestHistory editions;
        private final DigestMaker maker;
        private final EpubRenderer epub;
        private final PdfRenderer pdf;
        private final OutputFormats formats;
        private final RenderSettings renderSettings;
        private final int maxArticles;
        private final ZoneId zone;

        EditionTasklet(JobRepository repository, RunArticles articles, RunProblems problems, DigestHistory editions, DigestMaker maker,
               EpubRenderer epub, PdfRenderer pdf, OutputFormats formats, RenderSettings renderSettings, int maxArticles,
               ZoneId zone) {
            this.repository = repository;
            this.articles = articles;
            this.problems = problems;
            this.editions = editions;
            this.maker = maker;
            this.epub = epub;
            this.pdf = pdf;
            this.formats = formats;
            this.renderSettings = renderSettings;
            this.maxArticles = maxArticles;
            this.zone = zone;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
            StepExecution step = contribution.getStepExecution();
            JobExecution job = step.getJobExecution();
            ExportSettings settings = ExportSettings.fromJobParameters(job.getJobParameters());
            if (settings.digest()) {
                write(settings, job).store(step.getExecutionContext());
            }
            return RepeatStatus.FINISHED;
        }

        private DigestOutcome write(ExportSettings settings, JobExecution job) throws IOException {
            long rendered = articles.countRenderedInRun(job.getJobInstanceId());
            if (rendered == 0) {
                log.info("Run {} rendered no articles: no nightly digest", job.getId());
                return DigestOutcome.none(0);
            }
            LocalDate date = Instant.parse(job.getJobParameters().getString(ExportSettings.STARTED)).atZone(zone).toLocalDate();
            String stem = Digest.fileStem(date, firstExecution(job));
            Path folder = settings.output();
            Optional<DigestHistory.Recorded> done = editions.find(folder, stem);
            if (done.isPresent() && files(folder, stem)) {
                log.info("Nightly digest {} was written by an earlier execution of this run", stem);
                DigestHistory.Recorded e = done.get();
                return new DigestOutcome(stem, e.title(), e.articles(), 0, 0, 0);
            }

            List<ArticleRecord> chosen = articles.renderedInRun(job.getJobInstanceId(), maxArticles);
            int[] skipped = {0};
            List<OutputFormats.Format> selected = formats.select(settings.formats());
            String fingerprint = renderSettings.fingerprint(selected);
            Digest edition = maker.make(stem, date, chosen, (int) (rendered - chosen.size()), maxArticles,
                    new DigestMaker.Inputs(settings.input(), settings.related(),
                            parsed -> ContentHash.of(parsed, fingerprint, settings.related().name()),
                            problem -> {
                                skipped[0]++;
                                problems.record(job.getId(), problem);
                            }));
            if (edition.articleCount() == 0) {
                log.warn("Run {}: none of the {} articles it rendered could be read again: no nightly digest", job.getId(),
                        chosen.size());
                return DigestOutcome.none(skipped[0]);
            }

            Files.createDirectories(folder);
            render(edition, folder);
            if (done.isEmpty()) {
                editions.record(job.getId(), folder, stem, edition.title(), edition.articleCount());
            }
            log.info("Nightly digest {}: {}{}", stem, edition.extent(),
                    edition.leftOut() > 0 ? "; " + edition.leftOut() + " more left out (at most " + maxArticles + ")" : "");
            return new DigestOutcome(stem, edition.title(), edition.articleCount(), edition.sections().size(),
                    edition.leftOut(), skipped[0]);
        }

        /** Both formats in one pass into temporary files, then each renamed into place. */
        private void render(Digest edition, Path folder) throws IOException {
            Path epubFile = StagedFiles.create(folder);
            Path pdfFile = StagedFiles.create(folder);
            StagedFiles.Guarded epubOut = null;
            StagedFiles.Guarded pdfOut = null;
            try {
                epubOut = StagedFiles.open(epubFile);
                pdfOut = StagedFiles.open(pdfFile);
                DigestWriter.writeAll(edition, List.of(epub.digestWriter(epubOut), pdf.digestWriter(pdfOut)));
                epubOut.close();
                pdfOut.close();
            } catch (IOException | RuntimeException e) {
                close(epubOut);
                close(pdfOut);
                Files.deleteIfExists(epubFile);
                Files.deleteIfExists(pdfFile);
                IOException disk = epubOut != null && epubOut.failure() != null ? epubOut.failure()
                        : pdfOut != null && pdfOut.failure() != null ? pdfOut.failure()
                        : epubOut == null || pdfOut == null ? (e instanceof IOException io ? io : null) : null;
                if (disk != null) {
                    throw new OutputWriteException("cannot write " + folder.resolve(edition.fileStem() + ".*") + ": "
                            + disk.getMessage(), disk);
                }
                throw e;
            }
            StagedFiles.place(folder, epubFile, edition.fileStem() + ".epub");
            StagedFiles.place(folder, pdfFile, edition.fileStem() + ".pdf");
        }

        private static void close(StagedFiles.Guarded out) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the failure being handled says what went wrong
                }
            }
        }

        private static boolean files(Path folder, String stem) {
            return Files.isRegularFile(folder.resolve(stem + ".epub")) && Files.isRegularFile(folder.resolve(stem + ".pdf"));
        }

        /** The run's first execution: what the summary called the run when it started. */
        private long firstExecution(JobExecution job) {
            return repository.getJobExecutions(job.getJobInstance()).stream().mapToLong(JobExecution::getId).min()
                    .orElse(job.getId());
        }
    }
}
