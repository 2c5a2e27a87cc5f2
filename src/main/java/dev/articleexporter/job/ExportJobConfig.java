package dev.articleexporter.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The export job: the partitioned step, articles in, files out
 * ({@link ExportManagerConfig} splits the run, {@link ExportWorkerConfig} does each
 * partition's work), then the nightly digest of what it rendered
 * ({@link DigestStepConfig}), which does nothing unless the run asked for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExporterProperties.class)
public class ExportJobConfig {

    public static final String JOB_NAME = "export";

    /** The manager step: its counts are the run's counts. */
    public static final String STEP_NAME = "export-articles";

    /**
     * The partitions' step; each execution is named
     * {@code export-articles-partition:partition<n>}.
     */
    public static final String PARTITION_STEP_NAME = "export-articles-partition";

    @Bean
    Job exportJob(JobRepository repository, Step exportStep, Step digestStep) {
        return new JobBuilder(JOB_NAME, repository).listener(new RunFailure())
            .start(exportStep)
            .next(digestStep)
            .build();
    }

}
