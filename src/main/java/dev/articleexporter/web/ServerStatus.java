package dev.articleexporter.web;

import dev.articleexporter.job.RunSummaryFormat;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunSummary;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * What the server is doing, in numbers and in one sentence: the page's status line and
 * {@code /api/status}.
 */
@Component
@ConditionalOnWebApplication
public class ServerStatus {

    /**
     * The server's state.
     *
     * @param state {@code idle}, {@code starting} (a run was asked for; its step has not
     * begun), {@code running} or {@code stopping} (shutting down)
     * @param message one sentence for people, e.g. "Run 7 is running: 120 of 600 read,
     * 120 exported, 0 rejected, 0 warnings."
     * @param runId the run being made, or {@code null}
     * @param read articles read so far by that run (updated at every chunk commit)
     * @param total articles in the input folder when the run began; 0 when not known
     * @param nextRun when the schedule next starts a run, readable; {@code null} without
     * a schedule
     * @param lastRunId the newest run recorded for this output folder, or {@code null}; a
     * page seeing it change knows its lists are out of date
     */
    public record Status(String state, String message, Long runId, long read, long exported, long unchanged,
            long rejected, long warnings, int total, String nextRun, Long lastRunId) {
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
                return new Status(runs.closing() ? state : "starting",
                        runs.closing() ? "Stopping: the server is shutting down." : "Starting a run…", null, 0, 0, 0, 0,
                        0, 0, nextRun, lastRunId);
            }
            String message = RunSummaryFormat.progress(run, current.total(), runs.closing());
            return new Status(state, message, run.executionId(), run.read(), run.exported(), run.unchanged(),
                    run.rejected(), run.warnings(), current.total(), nextRun, lastRunId);
        }
        return new Status("idle", idleMessage(runs.last(), latest), null, 0, 0, 0, 0, 0, 0, nextRun, lastRunId);
    }

    private String idleMessage(ExportRuns.Outcome last, List<RunSummary> latest) {
        if (last != null && last.problem() != null) {
            return "The last run asked for did not run: " + last.problem();
        }
        RunSummary run = last != null && !last.reports().isEmpty() ? last.reports().getLast().summary()
                : latest.isEmpty() ? null : latest.getFirst();
        if (run == null) {
            return "No export has run into this folder yet.";
        }
        if (run.end() == null) { // its process died; the next run recovers it
            return String.format(Locale.ROOT, "Run %d did not finish; it started %s.", run.executionId(),
                    display.time(run.start()));
        }
        String ending = RunSummaryFormat.ending(run);
        return RunSummaryFormat.line(run) + (ending == null ? "" : " " + ending);
    }

}
