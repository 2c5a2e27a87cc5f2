package dev.articleexporter.job;

import java.time.Duration;
import org.springframework.batch.core.step.StepExecution;

/**
 * Everything one partition's step works with, read once per step execution (its reader,
 * processor and writer share it): the run's settings from its job parameters, the
 * partition the manager gave it, the ids its records are kept under, and the
 * application's time limit per article.
 */
record WorkerSettings(ExportSettings run, Partition partition, long jobInstanceId, long jobExecutionId,
        Duration timeLimit) {

    static WorkerSettings of(StepExecution step, ExporterProperties properties) {
        return new WorkerSettings(ExportSettings.fromJobParameters(step.getJobParameters()),
                Partition.of(step.getExecutionContext()), step.getJobExecution().getJobInstanceId(),
                step.getJobExecutionId(), properties.render().timeLimit());
    }
}
