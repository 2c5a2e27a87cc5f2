package dev.articleexporter.batch;

import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.runs.Problem;
import dev.articleexporter.runs.RunProblems;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/** Starts export runs and reports how they ended; shared by the command line and tests. */
@Service
public class ExportService {

    private final JobOperator jobs;
    private final Job exportJob;
    private final OutputFormats formats;
    private final RunProblems problems;
    private final Clock clock;

    public ExportService(JobOperator jobs, Job exportJob, OutputFormats formats, RunProblems problems) {
        this.jobs = jobs;
        this.exportJob = exportJob;
        this.formats = formats;
        this.problems = problems;
        this.clock = Clock.systemUTC();
    }

    /**
     * Runs one export to its end, in this thread.
     *
     * @throws IllegalArgumentException for settings that cannot work (unknown format, missing input folder)
     */
    public ExportReport export(ExportSettings settings) throws Exception {
        formats.select(settings.formats());
        if (!java.nio.file.Files.isDirectory(settings.input())) {
            throw new IllegalArgumentException("input folder not found: " + settings.input());
        }
        JobExecution execution = jobs.start(exportJob, settings.toJobParameters(clock.instant()));
        return report(execution);
    }

    private ExportReport report(JobExecution execution) {
        long read = 0;
        long written = 0;
        long rejected = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            rejected += step.getFilterCount() + step.getProcessSkipCount() + step.getReadSkipCount();
        }
        List<Problem> all = problems.of(execution.getId());
        List<Throwable> failures = execution.getAllFailureExceptions();
        return new ExportReport(execution.getId(), execution.getStatus(), execution.getStartTime(), execution.getEndTime(),
                read, written, rejected, all, failures.stream().map(ExportService::describe).toList());
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return root == failure || message.contains(String.valueOf(root.getMessage())) ? message : message + " (" + root + ")";
    }

}
