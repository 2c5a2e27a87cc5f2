package dev.articleexporter.job;

import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.model.Digest;
import dev.articleexporter.pipeline.ContentHash;
import dev.articleexporter.render.OutputFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step after the export: when the run was asked for one
 * ({@link ExportSettings#digest()}), writes the nightly digest of the articles the run
 * rendered, in exactly the run's formats ({@code <stem>.<extension>} in the output
 * folder, one file per format) with its cover ({@code <stem>.cover.jpg},
 * {@code <stem>.thumb.jpg}), and records it ({@link DigestHistory}). Without the flag it
 * does nothing.
 *
 * <p>
 * Restarts: a run's articles are those of all its executions, and the digest's name comes
 * from the run's first execution and the time it was requested, so a resumed run writes
 * the same files again (replacing any a failure left unrecorded) and records the digest
 * once.
 */
@Configuration
public class DigestStepConfig {

    public static final String STEP_NAME = "nightly-digest";

    private static final Logger log = LoggerFactory.getLogger(DigestStepConfig.class);

    private static final CoverMaker COVERS = new CoverMaker();

    @Bean
    Step digestStep(JobRepository repository, PlatformTransactionManager transactions, DigestTasklet digestTasklet) {
        return new StepBuilder(STEP_NAME, repository).tasklet(digestTasklet, transactions).build();
    }

    /**
     * The most articles a digest holds and the zone of its date:
     * {@code exporter.digest.*}, checked as they are bound.
     */
    @Bean
    DigestTasklet digestTasklet(JobRepository repository, RunArticles articles, RunProblems problems,
            DigestHistory digests, DigestInputs inputs, OutputFormats formats, RenderSettings renderSettings,
            ExporterProperties properties) {
        return new DigestTasklet(repository, articles, problems, digests, inputs, formats, renderSettings,
                properties.digest().maxArticles(), properties.digest().zone());
    }

    /** The step's work: one call per step execution. */
    record DigestTasklet(JobRepository repository, RunArticles articles, RunProblems problems, DigestHistory digests,
            DigestInputs inputs, OutputFormats formats, RenderSettings renderSettings, int maxArticles,
            ZoneId zone) implements Tasklet {

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
            LocalDate date = Instant.parse(job.getJobParameters().getString(ExportSettings.STARTED))
                .atZone(zone)
                .toLocalDate();
            String stem = Digest.fileStem(date, firstExecution(job));
            Path folder = settings.output();
            List<OutputFormats.Format> selected = formats.select(settings.formats());
            List<String> extensions = selected.stream()
                .sorted(Comparator.comparing(OutputFormats.Format::name))
                .map(OutputFormats.Format::extension)
                .toList();
            Optional<DigestHistory.Recorded> done = digests.find(folder, stem);
            if (done.isPresent() && DigestFiles.present(folder, stem, selected)) {
                log.info("Nightly digest {} was written by an earlier execution of this run", stem);
                DigestHistory.Recorded recorded = done.get();
                return new DigestOutcome(stem, extensions, recorded.title(), recorded.articles(), 0, 0, 0);
            }

            List<ArticleRecord> chosen = articles.renderedInRun(job.getJobInstanceId(), maxArticles);
            int[] skipped = { 0 };
            String fingerprint = renderSettings.fingerprint(selected);
            List<DigestMaker.Candidate> found = inputs.read(chosen,
                    new DigestInputs.Settings(settings.input(), settings.related(),
                            parsed -> ContentHash.of(parsed, fingerprint, settings.related().name()), problem -> {
                                skipped[0]++;
                                problems.record(job.getId(), problem);
                            }));
            Digest digest = DigestMaker.make(stem, date, found, (int) (rendered - chosen.size()), maxArticles);
            if (digest.articleCount() == 0) {
                log.warn("Run {}: none of the {} articles it rendered could be read again: no nightly digest",
                        job.getId(), chosen.size());
                return DigestOutcome.none(skipped[0]);
            }

            digest = digest.withCover(COVERS.digest(digest));
            Files.createDirectories(folder);
            DigestFiles.write(digest, folder, selected);
            if (done.isEmpty()) {
                digests.record(job.getId(), folder, stem, digest.title(), digest.articleCount(), extensions);
            }
            log.info("Nightly digest {}: {}{}", stem, digest.extent(), digest.leftOut() > 0
                    ? "; " + digest.leftOut() + " more left out (at most " + maxArticles + ")" : "");
            return new DigestOutcome(stem, extensions, digest.title(), digest.articleCount(), digest.sections().size(),
                    digest.leftOut(), skipped[0]);
        }

        /** The run's first execution: what the summary called the run when it started. */
        private long firstExecution(JobExecution job) {
            return repository.getJobExecutions(job.getJobInstance())
                .stream()
                .mapToLong(JobExecution::getId)
                .min()
                .orElse(job.getId());
        }
    }

}
