package dev.articleexporter.web;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.ExportService;
import dev.articleexporter.job.RunRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The server's export runs, whoever asks for them (the schedule or the page's button): at
 * most one at a time. A request while a run is going is refused, not queued, so a slow
 * run is never followed by a pile of doubled ones. Runs happen on one worker thread of
 * their own.
 *
 * <p>
 * On shutdown (SIGTERM, Ctrl-C) the running job is asked to stop: it ends STOPPED at its
 * next chunk boundary, and the next run with the same settings resumes it
 * ({@link ExportService}).
 */
@Component
@ConditionalOnWebApplication
public class ExportRuns {

    private static final Logger log = LoggerFactory.getLogger(ExportRuns.class);

    /** Who asked for a run. */
    public enum Trigger {

        SCHEDULE, BUTTON

    }

    /** The answer to a request. */
    public enum Start {

        STARTED, BUSY, CLOSING

    }

    /** A run being made now: its trigger and when it was asked for. */
    public record Active(Trigger trigger, Instant requested) {
    }

    /**
     * How the last request that started a run ended.
     *
     * @param reports the runs it made (a resumed one and a new one, or one); empty when
     * it did not run
     * @param problem why it did not run or failed outside the job, or {@code null}
     */
    public record Outcome(Trigger trigger, Instant ended, List<ExportReport> reports, String problem) {

        public Outcome {
            reports = List.copyOf(reports);
        }
    }

    /**
     * Published when a request's runs have ended (the command line prints their summary).
     */
    public record RunsEnded(Outcome outcome) {
    }

    private final ExportService exports;

    private final JobOperator jobs;

    private final RunProgress progress;

    private final ServeSettings settings;

    private final ApplicationEventPublisher events;

    private final Duration stopTimeout;

    private final ExecutorService worker = Executors
        .newSingleThreadExecutor(Thread.ofPlatform().name("export-run").factory());

    private final AtomicLong refused = new AtomicLong();

    private Active active;

    private boolean closing;

    private long stopped = -1;

    private volatile Outcome last;

    public ExportRuns(ExportService exports, JobOperator jobs, RunProgress progress, ServeSettings settings,
            ApplicationEventPublisher events) {
        this.exports = exports;
        this.jobs = jobs;
        this.progress = progress;
        this.settings = settings;
        this.events = events;
        this.stopTimeout = settings.stopTimeout();
    }

    /**
     * Starts a run on the worker thread unless one is going (or the server is shutting
     * down).
     */
    public synchronized Start request(Trigger trigger) {
        if (closing) {
            return Start.CLOSING;
        }
        if (active != null) {
            refused.incrementAndGet();
            log.info("{} run not started: the run asked for by {} at {} is still going", trigger, active.trigger(),
                    active.requested());
            return Start.BUSY;
        }
        active = new Active(trigger, Instant.now());
        worker.execute(() -> run(trigger));
        return Start.STARTED;
    }

    private void run(Trigger trigger) {
        Outcome outcome;
        try {
            log.info("Export run asked for by {}", trigger);
            List<ExportReport> reports = exports.export(settings.exportSettings(), false);
            outcome = new Outcome(trigger, Instant.now(), reports, null);
        }
        catch (RunRefusedException | IllegalArgumentException e) {
            log.warn("Export run not started: {}", e.getMessage());
            outcome = new Outcome(trigger, Instant.now(), List.of(), e.getMessage());
        }
        catch (Exception | LinkageError e) {
            log.error("Export run failed", e);
            outcome = new Outcome(trigger, Instant.now(), List.of(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
        last = outcome;
        synchronized (this) {
            active = null;
        }
        try {
            events.publishEvent(new RunsEnded(outcome));
        }
        catch (RuntimeException e) {
            // the log has it already
            log.debug("Run summary not published (the context is closing)", e);
        }
    }

    /** The run being made now, or {@code null}. */
    public synchronized Active active() {
        return active;
    }

    /** How the last finished request ended, or {@code null} before the first. */
    public Outcome last() {
        return last;
    }

    /**
     * Requests refused because a run was going: scheduled times that passed during a long
     * run, clicks.
     */
    public long refused() {
        return refused.get();
    }

    /** Whether a stop has been asked for, because the server is shutting down. */
    public synchronized boolean closing() {
        return closing;
    }

    /**
     * First thing when the context closes, before the render threads and the database go:
     * no more runs; the running one stops at its next chunk boundary (STOPPED,
     * restartable) and is waited for.
     */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void shutDown() throws InterruptedException {
        synchronized (this) {
            closing = true;
        }
        worker.shutdown();
        // A resumed run is followed by a new one, which must be stopped too: as it
        // starts.
        progress.onStart(this::stop);
        RunProgress.Current current = progress.current();
        if (current != null) {
            stop(current.jobExecution());
        }
        if (!worker.awaitTermination(stopTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
            log.warn("The running export did not stop within {}; the next start recovers it", stopTimeout);
        }
    }

    /**
     * Stops a run at its next chunk boundary, once (the step's start and the shutdown may
     * both ask).
     */
    private synchronized void stop(JobExecution execution) {
        if (execution.getId() == stopped) {
            return;
        }
        stopped = execution.getId();
        log.info("Shutting down: stopping run {} at its next chunk boundary", execution.getId());
        try {
            jobs.stop(execution);
        }
        catch (JobExecutionNotRunningException e) {
            // it ended meanwhile
        }
    }

}
