package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunSummary;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * One run told in the same words by the report of a run just made and by the history of a
 * past one.
 */
class RunSummaryFormatTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 6, 2, 0);

    @Test
    void aReportAndItsRecordReadTheSame() {
        Problem warning = new Problem(Problem.Kind.WARNING, "a.json #1", "a1", "images/x.jpg: not found");
        ExportReport report = new ExportReport(7, null, BatchStatus.COMPLETED, START, START.plusNanos(800_000_000), 3,
                3, 0, 0, List.of(warning), List.of());
        RunSummary recorded = new RunSummary(7, START, START.plusNanos(800_000_000), "COMPLETED", "", 3, 3, 0, 0, 1);
        String line = "Run 7 COMPLETED in 0.8 s: 3 read, 3 exported, 0 rejected, 1 warning.";
        assertThat(RunSummaryFormat.line(report.summary())).isEqualTo(line);
        assertThat(RunSummaryFormat.line(recorded)).isEqualTo(line);
        assertThat(RunSummaryFormat.ending(recorded)).isNull();
    }

    @Test
    void saysWhoAskedUnchangedArticlesAndHowARunEnded() {
        RunSummary stopped = new RunSummary(8, START, START.plusMinutes(12).plusSeconds(5), "STOPPED", "interrupted",
                600, 40, 560, 0, 0);
        assertThat(RunSummaryFormat.line(stopped, "scheduled")).isEqualTo(
                "Run 8 STOPPED (scheduled) in 12 min 05 s: 600 read, 40 exported, 560 unchanged, 0 rejected, 0 warnings.");
        assertThat(RunSummaryFormat.ending(stopped)).isEqualTo(RunSummaryFormat.STOPPED);

        RunSummary failed = new RunSummary(9, START, START.plusHours(2).plusMinutes(3), "FAILED",
                "cannot write out\nat ...", 5, 4, 0, 1, 2);
        assertThat(RunSummaryFormat.line(failed))
            .startsWith("Run 9 FAILED in 2 h 03 min: 5 read, 4 exported, 1 rejected, 2 warnings.");
        assertThat(RunSummaryFormat.ending(failed)).isEqualTo("The run failed: cannot write out");

        RunSummary running = new RunSummary(10, START, null, "STARTED", null, 120, 100, 20, 0, 1);
        assertThat(RunSummaryFormat.line(running))
            .isEqualTo("Run 10 STARTED: 120 read, 100 exported, 20 unchanged, 0 rejected, 1 warning.");
        assertThat(RunSummaryFormat.progress(running, 600, false))
            .isEqualTo("Run 10 is running: 120 of 600 read, 100 exported, 20 unchanged, 0 rejected, 1 warning.");
        assertThat(RunSummaryFormat.progress(running, 0, true))
            .startsWith("Run 10 is stopping at the end of its current chunk: 120 of ? read");
        assertThat(RunSummaryFormat.duration(null)).isEmpty();
        assertThat(RunSummaryFormat.duration(Duration.ofMillis(59_940))).isEqualTo("59.9 s");
    }

    @Test
    void listsProblemsInInputOrderWithRepeatsCounted() {
        List<Problem> problems = List.of(new Problem(Problem.Kind.WARNING, "b.json #1", null, "same"),
                new Problem(Problem.Kind.WARNING, "a.json #3", null, "same"),
                new Problem(Problem.Kind.WARNING, "a.json #2", null, "same"),
                new Problem(Problem.Kind.WARNING, "a.json #1", null, "same"),
                new Problem(Problem.Kind.WARNING, "a.json #10", null, "other"));
        assertThat(RunSummaryFormat.problems("Warnings", problems)).containsExactly("Warnings (5):",
                "  a.json #1: same", "  a.json #2: same", "  a.json #3: same", "  … and 1 more like it",
                "  a.json #10: other");
        assertThat(RunSummaryFormat.problems("Rejected", List.of())).isEmpty();
    }

}
