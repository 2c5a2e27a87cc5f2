package dev.articleexporter.job;

import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunSummary;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * How a run ended: counts, problems and, when it failed, why.
 *
 * @param resumed the execution this one restarted (it had not finished), or {@code null}
 * for a new run
 * @param exported articles rendered and written by this run
 * @param unchanged articles whose files from their last export were still right, so not
 * rendered again
 * @param failures why the run failed, in plain words; empty when it did not
 * @param digest what became of the nightly digest, or {@code null} when the run made none
 * (not asked for, or the run stopped before it)
 */
public record ExportReport(long executionId, Long resumed, BatchStatus status, LocalDateTime start, LocalDateTime end,
        long read, long exported, long unchanged, long rejected, List<Problem> problems, List<String> failures,
        DigestOutcome digest) {

    public ExportReport {
        problems = List.copyOf(problems);
        failures = List.copyOf(failures);
    }

    /** A report of a run without a nightly digest. */
    public ExportReport(long executionId, Long resumed, BatchStatus status, LocalDateTime start, LocalDateTime end,
            long read, long exported, long unchanged, long rejected, List<Problem> problems, List<String> failures) {
        this(executionId, resumed, status, start, end, read, exported, unchanged, rejected, problems, failures, null);
    }

    public boolean completed() {
        return status == BatchStatus.COMPLETED;
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.kind() == Problem.Kind.WARNING).toList();
    }

    public List<Problem> rejections() {
        return problems.stream().filter(p -> p.kind() == Problem.Kind.REJECTED).toList();
    }

    /**
     * The run as the history keeps it, for {@link RunSummaryFormat}: the same words as a
     * recorded run.
     */
    public RunSummary summary() {
        return new RunSummary(executionId, start, end, status.name(), failures.isEmpty() ? null : failures.getFirst(),
                read, exported, unchanged, rejected, warnings().size());
    }

    public Duration duration() {
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }
}
