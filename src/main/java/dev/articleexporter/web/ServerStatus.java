package dev.articleexporter.web;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunSummary;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** What the server is doing, in numbers and in one sentence: the page's status line and {@code /api/status}. */
@Component
@ConditionalOnWebApplication
public class ServerStatus {

    /**
     * The server's state.
     *
     * @param state     {@code idle}, {@code starting} (a run was asked for; its step has not begun),
     *                  {@code running} or {@code stopping} (shutting down)
     * @param message   one sentence for people, e.g. "Run 7 is running: 120 of 600 articles read."
     * @param runId     the run being made, or {@code null}
     * @param read      articles read so far by that run (updated at every chunk commit)
     * @param total     articles in the input folder when the run began; 0 when not known
     * @param nextRun   when the schedule next starts a run, readable; {@code null} without a schedule
     * @param lastRunId the newest run recorded for this output folder, or {@code null}; a page seeing it
     *                  change knows its lists are out of date
     */
    public record Status(String state, String message, Long runId, long read, long exported, long unchanged, long rejected,
                         long warnings, int total, String nextRun, Long lastRunId) {
    }

    private final ExportRuns runs;
    private final RunProgress progress;
    private final RunHistory history;
    private final ServeSettings settings;
    private final ObjectProvider<ExportSchedule> schedule;
    private final Display display;

    public ServerStatus(ExportRuns runs, RunProgress progress, RunHistory history, ServeSettings settings,
                        ObjectProvider<ExportSchedule> schedule) {
        this.runs = runs;
        this.progress = progress;
        this.history = history;
        this.settings = settings;
        this.schedule = schedule;
        this.display = new Display(settings.zone());
    }

    public Status now() {
        ExportSchedule cron = schedule.getIfAvailable();
        String nextRun = cron == null ? null : display.scheduled(cron.next());
        List<RunSummary> latest = history.recent(settings.output(), 1);
        Long lastRunId = latest.isEmpty() ? null : latest.getFirst().executionId();
        ExportRuns.Active active = runs.active();
        if (active != null) {
            String state = runs.closing() ? "stopping" : "running";
            RunProgress.Current current = progress.current();
            RunSummary run = current == null ? null : history.find(current.jobExecution().getId()).orElse(null);
            if (run == null) {
                return new Status(runs.closing() ? state : "starting", runs.closing() ? "Stopping: the server is shutting down."
                        : "Starting a run…", null, 0, 0, 0, 0, 0, 0, nextRun, lastRunId);
            }
            String message = String.format(Locale.ROOT, "Run %d %s: %d of %s articles read, %d exported, %d unchanged, %d rejected.",
                    run.executionId(), runs.closing() ? "is stopping at the end of its current chunk" : "is running",
                    run.read(), current.total() > 0 ? String.valueOf(current.total()) : "?", run.exported(), run.unchanged(),
                    run.rejected());
            return new Status(state, message, run.executionId(), run.read(), run.exported(), run.unchanged(), run.rejected(),
                    run.warnings(), current.total(), nextRun, lastRunId);
        }
        return new Status("idle", idleMessage(runs.last(), latest), null, 0, 0, 0, 0, 0, 0, nextRun, lastRunId);
    }

    private String idleMessage(ExportRuns.Outcome last, List<RunSummary> latest) {
        if (last != null && last.problem() != null) {
            return "The last run asked for did not run: " + last.problem();
        }
        if (last != null && !last.reports().isEmpty()) {
            ExportReport report = last.reports().getLast();
            String failure = report.status() == BatchStatus.STOPPED ? " It resumes with the next run."
                    : report.failures().isEmpty() ? "" : " It failed: " + report.failures().getFirst();
            return String.format(Locale.ROOT, "Run %d %s in %s: %d read, %d exported, %d unchanged, %d rejected, %d warning%s.",
                    report.executionId(), report.status().toString().toLowerCase(Locale.ROOT), Display.duration(report.duration()),
                    report.read(), report.exported(), report.unchanged(), report.rejected(), report.warnings().size(),
                    report.warnings().size() == 1 ? "" : "s") + failure;
        }
        if (!latest.isEmpty()) {
            RunSummary run = latest.getFirst();
            String how = switch (run.status()) {
                case "STARTED", "STARTING", "STOPPING" -> "did not finish"; // its process died; the next run recovers it
                default -> run.status().toLowerCase(Locale.ROOT);
            };
            return String.format(Locale.ROOT, "Run %d %s; it started %s.", run.executionId(), how, display.time(run.start()));
        }
        return "No export has run into this folder yet.";
    }
}
