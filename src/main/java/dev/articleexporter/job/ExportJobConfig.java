package dev.articleexporter.job;

import dev.articleexporter.input.Input;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.render.RenderSettings;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The export job: one partitioned step, articles in, files out, then the nightly digest of what it
 * rendered ({@link DigestStepConfig}), which does nothing unless the run asked for it. Each
 * partition is a chunk-oriented step of its own (reader, renderer, writer) over its share of the
 * input (see {@link Partition}), run on its own thread here; the same partitions could run on
 * other machines (README, "Beyond one machine").
 */
@Configuration
public class ExportJobConfig {

    public static final String JOB_NAME = "export";
    /** The manager step: its counts are the run's counts. */
    public static final String STEP_NAME = "export-articles";
    /** The partitions' step; each execution is named {@code export-articles-partition:partition<n>}. */
    public static final String PARTITION_STEP_NAME = "export-articles-partition";
    static final String PARTITION_INDEX = "partition.index";
    static final String PARTITION_COUNT = "partition.count";

    /** Articles per transaction: how much a crash can make the next run redo. */
    static final int CHUNK_SIZE = 20;

    @Bean
    Job exportJob(JobRepository repository, Step exportStep, Step editionStep) {
        return new JobBuilder(JOB_NAME, repository).listener(new RunFailure()).start(exportStep).next(editionStep).build();
    }

    /**
     * One thread per partition, one partition per core. (A multi-threaded chunk step was measured
     * too: in Spring Batch 6 it only processes concurrently, while each chunk's reading and
     * writing wait for its slowest item.)
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
    Step exportStep(JobRepository repository, Step partitionStep, ThreadPoolTaskExecutor renderThreads,
                    ApplicationContext context) {
        int partitions = renderThreads.getCorePoolSize();
        PartitionStepBuilder step = new StepBuilder(STEP_NAME, repository)
                .partitioner(PARTITION_STEP_NAME, grid -> partitions(grid))
                .step(partitionStep)
                .gridSize(partitions)
                .taskExecutor(renderThreads)
                .listener(new OutputFolderPreparation());
        context.getBeansWithAnnotation(ExportListener.class).values().forEach(step::listener);
        return step.build();
    }

    /**
     * The contexts of the partitions. Made once per run: a restarted run keeps its partitions,
     * each going on from its own position.
     */
    static Map<String, ExecutionContext> partitions(int count) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION_INDEX, i);
            context.putInt(PARTITION_COUNT, count);
            contexts.put("partition" + i, context);
        }
        return contexts;
    }

    @Bean
    Step partitionStep(JobRepository repository, PlatformTransactionManager transactions, ExportReader exportReader,
                       ExportProcessor exportProcessor, ArticleRecorder outputWriter, ApplicationContext context) {
        ChunkOrientedStepBuilder<Input, Exported> step = new StepBuilder(PARTITION_STEP_NAME, repository)
                .<Input, Exported>chunk(CHUNK_SIZE)
                .transactionManager(transactions)
                .reader(exportReader)
                .processor(exportProcessor)
                .writer(outputWriter);
        context.getBeansWithAnnotation(ExportListener.class).values().forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    ExportReader exportReader(@Value("#{jobParameters}") Map<String, Object> parameters,
                              @Value("#{stepExecutionContext['" + PARTITION_INDEX + "']}") int index,
                              @Value("#{stepExecutionContext['" + PARTITION_COUNT + "']}") int count,
                              @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId, RunArticles articles) {
        return new ExportReader(ExportSettings.fromJobParameters(parameters).input(), new Partition(index, count), articles,
                jobInstanceId);
    }

    @Bean
    @StepScope
    ExportProcessor exportProcessor(@Value("#{jobParameters}") Map<String, Object> parameters,
                                    @Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
                                    OutputFormats formats, StoryMaker digests, RunProblems problems, RunArticles articles,
                                    RenderSettings renderSettings,
                                    @Value("${exporter.render.time-limit:60s}") java.time.Duration timeLimit) {
        ExportSettings settings = ExportSettings.fromJobParameters(parameters);
        List<OutputFormats.Format> selected = formats.select(settings.formats());
        return new ExportProcessor(settings, selected, digests, problem -> problems.record(jobExecutionId, problem),
                articles::latest, renderSettings.fingerprint(selected), settings.output(), timeLimit);
    }

    @Bean
    @StepScope
    ArticleRecorder outputWriter(@Value("#{jobParameters}") Map<String, Object> parameters,
                              @Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
                              @Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
                              RunProblems problems, RunArticles articles) {
        return new ArticleRecorder(ExportSettings.fromJobParameters(parameters).output(), problems, articles, jobExecutionId,
                jobInstanceId);
    }
}
