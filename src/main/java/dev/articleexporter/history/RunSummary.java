package dev.articleexporter.history;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One export run as kept in the job repository.
 *
 * @param end {@code null} while running (or when the process died)
 * @param read article slots read: exported + rejected
 * @param exported articles rendered and written in every selected format
 * @param unchanged articles skipped because their files from the last export were still
 * right
 * @param rejected inputs (files or articles) not exported
 */
public record RunSummary(long executionId, LocalDateTime start, LocalDateTime end, String status, String exitMessage,
        long read, long exported, long unchanged, long rejected, long warnings) {

    public Duration duration() {
        return start == null || end == null ? null : Duration.between(start, end);
    }

    /**
     * One partition of a remote run, as {@code runs --run} lists it.
     *
     * @param worker the id of the worker that ran it (the last one, when it was run
     * again)
     * @param rejected articles and inputs it did not export
     */
    public record Partition(String name, String status, long read, long written, long rejected, String worker) {
    }
}
