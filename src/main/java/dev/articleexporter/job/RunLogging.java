package dev.articleexporter.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** Puts the start and end of each run in the log file, so the log alone tells the night's story. */
@ExportListener
public class RunLogging {

    private static final Logger log = LoggerFactory.getLogger(RunLogging.class);

    @BeforeStep
    public void started(StepExecution step) {
        if (!ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            log.debug("Run {}: {} started", step.getJobExecutionId(), step.getStepName());
            return;
        }
        JobParameters parameters = step.getJobParameters();
        log.info("Run {} started: {} -> {} as {}", step.getJobExecutionId(), parameters.getString(ExportSettings.INPUT),
                parameters.getString(ExportSettings.OUTPUT), parameters.getString(ExportSettings.FORMATS));
    }

    @AfterStep
    public ExitStatus ended(StepExecution step) {
        boolean partition = !ExportJobConfig.STEP_NAME.equals(step.getStepName());
        log.info("Run {}{} {}: {} read, {} exported or unchanged, {} rejected", step.getJobExecutionId(),
                partition ? " " + step.getStepName() : "", step.getStatus(), step.getReadCount(), step.getWriteCount(),
                step.getFilterCount());
        for (Throwable failure : step.getFailureExceptions()) {
            if (step.getStatus() == BatchStatus.STOPPED) {
                // Asked to stop (serve shutting down): not a failure, and the next run resumes it.
                log.info("Run {} stopped at a chunk boundary: {}", step.getJobExecutionId(), failure.toString());
            } else {
                log.error("Run {} failed", step.getJobExecutionId(), failure);
            }
        }
        return step.getExitStatus();
    }
}
