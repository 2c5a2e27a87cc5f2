package dev.articleexporter.job;

import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.input.Input;
import dev.articleexporter.pipeline.ArticlePipeline;
import dev.articleexporter.pipeline.Exported;
import dev.articleexporter.pipeline.OutputNames;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.rules.StoryMaker;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The worker side of the export step: the chunk-oriented step each partition runs,
 * reading its share of the input ({@link ExportReader}), taking each article through the
 * pipeline ({@link ExportProcessor}, which also puts its files in place) and recording it
 * ({@link ArticleRecorder}).
 */
@Configuration(proxyBeanMethods = false)
public class ExportWorkerConfig {

    /** Articles per transaction: how much a crash can make the next run redo. */
    static final int CHUNK_SIZE = 20;

    @Bean
    Step partitionStep(JobRepository repository, PlatformTransactionManager transactions, ExportReader exportReader,
            ExportProcessor exportProcessor, ArticleRecorder articleRecorder, ApplicationContext context) {
        return partitionStep(new StepBuilder(ExportJobConfig.PARTITION_STEP_NAME, repository), transactions,
                exportReader, exportProcessor, articleRecorder, context)
            .build();
    }

    /**
     * The partition's step on any builder: the local one above, or a remote worker's
     * ({@code remote.RemoteWorkerConfig}), with the same step-scoped reader, processor,
     * writer and {@link ExportListener} beans of the context.
     */
    public static ChunkOrientedStepBuilder<Input, Exported> partitionStep(StepBuilder builder,
            PlatformTransactionManager transactions, ApplicationContext context) {
        return partitionStep(builder, transactions, context.getBean("exportReader", ExportReader.class),
                context.getBean("exportProcessor", ExportProcessor.class),
                context.getBean("articleRecorder", ArticleRecorder.class), context);
    }

    private static ChunkOrientedStepBuilder<Input, Exported> partitionStep(StepBuilder builder,
            PlatformTransactionManager transactions, ExportReader exportReader, ExportProcessor exportProcessor,
            ArticleRecorder articleRecorder, ApplicationContext context) {
        ChunkOrientedStepBuilder<Input, Exported> step = builder.<Input, Exported>chunk(CHUNK_SIZE)
            .transactionManager(transactions)
            .reader(exportReader)
            .processor(exportProcessor)
            .writer(articleRecorder);
        step.listener(
                new SameRenderSettings(context.getBean(RenderSettings.class), context.getBean(OutputFormats.class)));
        context.getBeansWithAnnotation(ExportListener.class).values().forEach(step::listener);
        return step;
    }

    /**
     * Read once per step execution and handed as it is to the step's reader, processor
     * and writer (step-scoped themselves, so they are made inside the step): no proxy, a
     * record cannot have one.
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    WorkerSettings workerSettings(@Value("#{stepExecution}") StepExecution step, ExporterProperties properties) {
        return WorkerSettings.of(step, properties);
    }

    @Bean
    @StepScope
    ExportReader exportReader(WorkerSettings settings, UnchangedInputs unchanged) {
        return new ExportReader(settings.run().input(), settings.partition(), unchanged.forPartition(settings));
    }

    @Bean
    @StepScope
    ExportProcessor exportProcessor(WorkerSettings settings, OutputFormats formats, StoryMaker stories,
            RunProblems problems, RunArticles articles, RenderSettings renderSettings) {
        ExportSettings run = settings.run();
        List<OutputFormats.Format> selected = formats.select(run.formats());
        ArticlePipeline.Options options = new ArticlePipeline.Options(selected, run.related(), run.force(),
                renderSettings.fingerprint(selected), settings.timeLimit());
        // After a restart, names the earlier executions of the same run exported stay
        // taken.
        OutputNames.Committed names = name -> articles.holder(settings.jobInstanceId(), name)
            .map(h -> new OutputNames.Holder(h.articleId(), h.origin()));
        ArticlePipeline pipeline = new ArticlePipeline(options, stories,
                problem -> problems.record(settings.jobExecutionId(), problem),
                new ArticlePipeline.Memory(names, articles::latest), new StagedFileSink(run.output()));
        return new ExportProcessor(pipeline, run.output());
    }

    @Bean
    @StepScope
    ArticleRecorder articleRecorder(WorkerSettings settings, RunProblems problems, RunArticles articles) {
        return new ArticleRecorder(settings.run().output(), problems, articles, settings.jobExecutionId(),
                settings.jobInstanceId());
    }

}
