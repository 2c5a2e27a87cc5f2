package dev.articleexporter.job;

import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.history.RunSummary;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;

/**
 * Puts the start and end of each run in the log file, so the log alone tells the night's
 * story. A run's end is logged in the words of {@link RunSummaryFormat}, as the terminal
 * and the page say it.
 */
@ExportListener
public class RunLogging {

    private static final Logger log = LoggerFactory.getLogger(RunLogging.class);

    private final RunArticles articles;

    private final RunProblems problems;

    public RunLogging(RunArticles articles, RunProblems problems) {
        this.articles = articles;
        this.problems = problems;
    }

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
        long id = step.getJobExecutionId();
        long rejected = step.getFilterCount() + step.getProcessSkipCount() + step.getReadSkipCount();
        boolean run = ExportJobConfig.STEP_NAME.equals(step.getStepName());
        if (run) {
            // the partitions' counts, added up
            log.info(RunSummaryFormat.line(summary(step, rejected)));
        }
        else {
            log.info("Run {} {} {}: {} read, {} exported or unchanged, {} rejected", id, step.getStepName(),
                    step.getStatus(), step.getReadCount(), step.getWriteCount(), rejected);
        }
        if (step.getStatus() == BatchStatus.STOPPED) {
            // asked to stop (serve shutting down): not a failure, and said once for the
            // run
            if (run) {
                log.info("Run {}: {}", id, RunSummaryFormat.STOPPED);
            }
        }
        else {
            step.getFailureExceptions().forEach(failure -> log.error("Run {} failed", id, failure));
        }
        return step.getExitStatus();
    }

    /**
     * The run's export step as the history will tell it: unchanged articles and warnings
     * are in our tables.
     */
    private RunSummary summary(StepExecution step, long rejected) {
        long id = step.getJobExecutionId();
        long unchanged = 0;
        long warnings = 0;
        try {
            unchanged = articles.unchanged(id);
            warnings = problems.count(id, Problem.Kind.WARNING);
        }
        catch (DataAccessException e) {
            // the step's failure says why
            log.debug("Run {}: counts of unchanged articles and warnings not read", id, e);
        }
        return new RunSummary(id, step.getStartTime(), LocalDateTime.now(), step.getStatus().name(), null,
                step.getReadCount(), step.getWriteCount() - unchanged, unchanged, rejected, warnings);
    }

}
