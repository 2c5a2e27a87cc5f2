package dev.articleexporter.job;

import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Starts export runs and reports how they ended; shared by the command line and tests.
 *
 * <p>
 * Before a run it finds runs left STARTED by a process that died (killed, out of memory,
 * machine off): their output folder's lock is free, so nobody is running them. They are
 * marked FAILED, and when the latest run with the same settings did not finish, it is
 * restarted where it stopped, then followed by a new incremental run.
 */
@Service
public class ExportService {

    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    private final JobOperator jobs;

    private final JobRepository repository;

    private final Job exportJob;

    private final OutputFormats formats;

    private final RunProblems problems;

    private final RunArticles articles;

    private final RunHistory history;

    private final RenderSettings renderSettings;

    private final Clock clock = Clock.systemUTC();

    public ExportService(JobOperator jobs, JobRepository repository, Job exportJob, OutputFormats formats,
            RunProblems problems, RunArticles articles, RunHistory history, RenderSettings renderSettings) {
        this.jobs = jobs;
        this.repository = repository;
        this.exportJob = exportJob;
        this.formats = formats;
        this.problems = problems;
        this.articles = articles;
        this.history = history;
        this.renderSettings = renderSettings;
    }

    /**
     * Runs an export to its end, in this thread. When the last run with these settings
     * did not finish (and not {@code fresh}), it is first resumed where it stopped; then
     * a new, incremental run goes over all the input, so nothing added or changed since
     * is missed and nothing already exported is rendered again.
     * @return the runs made, in order: one, or the resumed run and the new one
     * @throws IllegalArgumentException for settings that cannot work (unknown format,
     * missing input folder)
     * @throws RunRefusedException when another run is writing to the same output folder
     * @throws org.springframework.dao.DataAccessException when the history cannot be
     * written (a full disk under the database): the run's record is not complete,
     * whatever it says
     */
    public List<ExportReport> export(ExportSettings settings, boolean fresh) throws Exception {
        formats.select(settings.formats());
        if (!Files.isDirectory(settings.input())) {
            throw new IllegalArgumentException("input folder not found: " + settings.input());
        }
        try (ProcessLock lock = ProcessLock.onOutputFolder(settings.output())) {
            if (lock == null) {
                throw new RunRefusedException("another export is writing to " + settings.output() + " (it holds "
                        + settings.output().resolve(ProcessLock.OUTPUT_FILE_NAME)
                        + "); try again when it has finished");
            }
            recoverDeadRuns(settings.output());
            JobExecution unfinished = fresh ? null : unfinishedRun(settings);
            List<ExportReport> reports = new ArrayList<>();
            if (unfinished != null) {
                log.info("Resuming run {} (instance {}), which ended {}", unfinished.getId(),
                        unfinished.getJobInstanceId(), unfinished.getStatus());
                ExportReport resumed = report(jobs.restart(unfinished), unfinished.getId());
                reports.add(resumed);
                if (!resumed.completed()) {
                    history.flush();
                    return reports;
                }
                // The resumed run went on from the file it had reached; files sorted
                // before it may be new or
                // changed since. An incremental run over everything catches them and
                // skips what is done.
            }
            // Workers on other machines check that they render with the same settings.
            JobParameters parameters = new JobParametersBuilder(settings.toJobParameters(clock.instant()))
                .addString(SameRenderSettings.PARAMETER, renderSettings.fingerprint(formats.select(settings.formats())),
                        false)
                .toJobParameters();
            JobExecution run = jobs.start(exportJob, parameters);
            reports.add(report(run, null));
            if (run.getStatus() == BatchStatus.COMPLETED) {
                pruneHistory(run);
            }
            // H2 writes committed changes to its file in the background: a full disk
            // there would lose the
            // record of a run that reports COMPLETED. Written now, or the failure is the
            // run's.
            history.flush();
            return reports;
        }
    }

    /**
     * Keeps the history small: only this run keeps its UNCHANGED rows (see
     * RunArticles.pruneUnchanged).
     */
    private void pruneHistory(JobExecution run) {
        try {
            int dropped = articles.pruneUnchanged(run.getJobInstanceId());
            if (dropped > 0) {
                log.info("Run {}: dropped the {} UNCHANGED records of earlier runs (their counts are kept)",
                        run.getId(), dropped);
            }
        }
        catch (DataAccessException e) {
            log.warn("Run {}: could not prune the UNCHANGED records of earlier runs; the next run tries again",
                    run.getId(), e);
        }
    }

    /**
     * Marks FAILED every run still recorded as running whose output folder nobody holds.
     */
    private void recoverDeadRuns(Path lockedOutput) {
        for (JobExecution running : repository.findRunningJobExecutions(ExportJobConfig.JOB_NAME)) {
            Path output = ExportSettings.fromJobParameters(running.getJobParameters()).output();
            boolean dead;
            if (output.equals(lockedOutput)) {
                dead = true; // we hold its folder's lock, so its process is gone
            }
            else {
                try (ProcessLock probe = ProcessLock.onOutputFolder(output)) {
                    dead = probe != null;
                }
                catch (ProcessLock.LinkedLockException e) {
                    log.warn("Run {} cannot be checked: {}", running.getId(), e.getMessage());
                    dead = false;
                }
            }
            if (dead) {
                log.warn("Run {} was left {} by a process that stopped without finishing; marking it FAILED",
                        running.getId(), running.getStatus());
                JobExecution recovered = jobs.recover(running);
                recovered.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "the process running it stopped without finishing (killed or crashed); recovered at "
                                + clock.instant()));
                repository.update(recovered);
            }
        }
    }

    /** The latest run, when it has the same settings and ended FAILED or STOPPED. */
    private JobExecution unfinishedRun(ExportSettings settings) {
        JobInstance last = repository.getLastJobInstance(ExportJobConfig.JOB_NAME);
        if (last == null) {
            return null;
        }
        JobExecution execution = repository.getLastJobExecution(last);
        if (execution == null
                || (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED)) {
            return null;
        }
        return settings.equals(ExportSettings.fromJobParameters(execution.getJobParameters())) ? execution : null;
    }

    private ExportReport report(JobExecution execution, Long resumed) {
        long read = 0;
        long written = 0;
        long rejected = 0;
        DigestOutcome digest = null;
        // The partitions' counts: the run's step only adds them up when it ends, and a
        // killed one never did. As the repository has them: remote workers
        // (package remote) count in their own copies of the partitions.
        JobExecution counted = repository.getJobExecution(execution.getId());
        List<StepExecution> steps = List.copyOf((counted == null ? execution : counted).getStepExecutions());
        boolean partitioned = steps.stream()
            .anyMatch(s -> s.getStepName().startsWith(ExportJobConfig.PARTITION_STEP_NAME));
        for (StepExecution step : steps) {
            if (step.getStepName().equals(DigestStepConfig.STEP_NAME)) {
                digest = DigestOutcome.from(step.getExecutionContext());
                continue; // it counts no articles
            }
            if (partitioned != step.getStepName().startsWith(ExportJobConfig.PARTITION_STEP_NAME)) {
                continue;
            }
            read += step.getReadCount();
            written += step.getWriteCount();
            rejected += step.getFilterCount() + step.getProcessSkipCount() + step.getReadSkipCount();
        }
        List<Problem> all = problems.of(execution.getId());
        long unchanged = articles.unchanged(execution.getId());
        return new ExportReport(execution.getId(), resumed, execution.getStatus(), execution.getStartTime(),
                execution.getEndTime(), read, written - unchanged, unchanged, rejected, all,
                execution.getStatus().isUnsuccessful() && execution.getStatus() != BatchStatus.STOPPED
                        ? RunFailure.of(execution).stream().toList() : List.of(),
                digest);
    }

}
