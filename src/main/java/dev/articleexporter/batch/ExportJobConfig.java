package dev.articleexporter.batch;

import dev.articleexporter.article.Input;
import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.render.RenderSettings;
import dev.articleexporter.runs.RunArticles;
import dev.articleexporter.runs.RunProblems;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The export job: one chunk-oriented step, articles in, files out; then the nightly digest of what
 * it rendered ({@link EditionStepConfig}), which does nothing unless the run asked for it.
 */
@Configuration
public class ExportJobConfig {

    public static final String JOB_NAME = "export";
    public static final String STEP_NAME = "export-articles";

    /** Articles per transaction: how much a crash can make the next run redo. */
    static final int CHUNK_SIZE = 20;

    @Bean
    Job exportJob(JobRepository repository, Step exportStep, Step editionStep) {
        return new JobBuilder(JOB_NAME, repository).start(exportStep).next(editionStep).build();
    }

    /**
     * Renders on every core. In Spring Batch 6 a step's task executor makes the processing of a
     * chunk's items concurrent while reading and writing stay sequential, and rendering is what
     * the processor does.
     */
    @Bean
    ThreadPoolTaskExecutor renderThreads(@Value("${exporter.threads:0}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        executor.setCorePoolSize(size);
        executor.setMaxPoolSize(size);
        executor.setThreadNamePrefix("render-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    Step exportStep(JobRepository repository, PlatformTransactionManager transactions, ExportReader exportReader,
                    ExportProcessor exportProcessor, OutputWriter outputWriter, ThreadPoolTaskExecutor renderThreads,
                    ApplicationContext context) {
        ChunkOrientedStepBuilder<Input, Exported> step = new StepBuilder(STEP_NAME, repository)
                .<Input, Exported>chunk(CHUNK_SIZE)
                .transactionManager(transactions)
                .reader(exportReader)
                .processor(exportProcessor)
                .writer(outputWriter);
        if (renderThreads.getCorePoolSize() > 1) {
            step.taskExecutor(renderThreads);
        }
        context.getBeansWithAnnotation(ExportListener.class).values().forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    ExportReader exportReader(@Value("#{jobParameters}") Map<String, Object> parameters,
                              @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId, RunArticles articles) {
        return new ExportReader(ExportSettings.fromJobParameters(parameters).input(), articles, jobInstanceId);
    }

    @Bean
    @StepScope
    ExportProcessor exportProcessor(@Value("#{jobParameters}") Map<String, Object> parameters,
                                    @Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
                                    OutputFormats formats, DigestMaker digests, RunProblems problems, RunArticles articles,
                                    RenderSettings renderSettings) {
        ExportSettings settings = ExportSettings.fromJobParameters(parameters);
        List<OutputFormats.Format> selected = formats.select(settings.formats());
        return new ExportProcessor(settings, selected, digests, problem -> problems.record(jobExecutionId, problem),
                articles::latest, renderSettings.fingerprint(selected), settings.output());
    }

    @Bean
    @StepScope
    OutputWriter outputWriter(@Value("#{jobParameters}") Map<String, Object> parameters,
                              @Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
                              @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
                              RunProblems problems, RunArticles articles) {
        return new OutputWriter(ExportSettings.fromJobParameters(parameters).output(), problems, articles, jobExecutionId,
                jobInstanceId);
    }
}
