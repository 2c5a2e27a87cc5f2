package dev.articleexporter.job;

import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunSummary;
import dev.articleexporter.input.Origin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The words of a run's summary, the same wherever a run is told: {@code export}'s and
 * {@code serve}'s terminal, {@code runs}, the page's status line and run page, and the
 * log. Here, below the command line and the web, because it needs both the history's
 * {@link RunSummary} and the job's report.
 */
public final class RunSummaryFormat {

    /**
     * What a STOPPED run says instead of a failure: being asked to stop (the server
     * shutting down) is not one.
     */
    public static final String STOPPED = "Stopped at a chunk boundary; the next run resumes it.";

    /** Occurrences of one problem message shown before the rest are counted. */
    public static final int PROBLEMS_SHOWN = 3;

    private static final Comparator<Problem> INPUT_ORDER = Comparator
        .comparing((Problem p) -> Origin.parse(p.file()).file())
        .thenComparingInt(p -> Origin.parse(p.file()).position());

    private RunSummaryFormat() {
    }

    /** "Run 7 COMPLETED in 0.8 s: 3 read, 3 exported, 0 rejected, 1 warning." */
    public static String line(RunSummary run) {
        return line(run, null);
    }

    /**
     * "Run 7 STOPPED (scheduled) in 12.0 s: 600 read, 40 exported, 560 unchanged, 0
     * rejected, 0 warnings." A run without an end (running, or its process died) has no
     * duration.
     * @param how who asked for the run ("scheduled", "from the page"), or {@code null}
     */
    public static String line(RunSummary run, String how) {
        StringBuilder line = new StringBuilder("Run ").append(run.executionId()).append(' ').append(run.status());
        if (how != null) {
            line.append(" (").append(how).append(')');
        }
        if (run.duration() != null) {
            line.append(" in ").append(duration(run.duration()));
        }
        return line.append(": ").append(run.read()).append(" read, ").append(counts(run)).append('.').toString();
    }

    /**
     * "Run 7 is running: 120 of 600 read, 100 exported, 20 unchanged, 0 rejected, 1
     * warning."
     */
    public static String progress(RunSummary run, int total, boolean stopping) {
        return String.format(Locale.ROOT, "Run %d %s: %d of %s read, %s.", run.executionId(),
                stopping ? "is stopping at the end of its current chunk" : "is running", run.read(),
                total > 0 ? String.valueOf(total) : "?", counts(run));
    }

    /**
     * Everything after "read": "3 exported, 2 unchanged, 0 rejected, 1 warning"
     * (unchanged only when some were).
     */
    private static String counts(RunSummary run) {
        return run.exported() + " exported, " + (run.unchanged() > 0 ? run.unchanged() + " unchanged, " : "")
                + run.rejected() + " rejected, " + count(run.warnings(), "warning");
    }

    /** Said before the line of a run that restarted an unfinished one. */
    public static String resumed(long executionId) {
        return "Resumed run " + executionId + ", which had not finished; its exported articles were not redone.";
    }

    /** "the run failed: why" (the terminal puts "error: " before it). */
    public static String failed(String why) {
        return "the run failed: " + why;
    }

    /**
     * How the run ended beyond its counts, as a sentence: {@link #STOPPED}, or "The run
     * failed: why" from its exit message; {@code null} when there is nothing more to say.
     */
    public static String ending(RunSummary run) {
        if ("STOPPED".equals(run.status())) {
            return STOPPED;
        }
        String why = run.exitMessage() == null ? null : run.exitMessage().lines().findFirst().orElse(null);
        if (why == null || why.isBlank()) {
            return null;
        }
        return "COMPLETED".equals(run.status()) ? "Exit message: " + why : "The run failed: " + why;
    }

    /**
     * "digest-2026-11-25-run-3.epub and .pdf: 3 articles in 3 sections", or why there is
     * none.
     */
    public static String digest(DigestOutcome digest) {
        String skipped = digest.skipped() == 0 ? "" : "; " + digest.skipped() + " left out because "
                + (digest.skipped() == 1 ? "its input" : "their inputs") + " changed since (see the warnings)";
        if (!digest.written()) {
            return digest.skipped() == 0 ? "none: the run rendered no articles"
                    : "none: no article the run rendered could be read again" + skipped;
        }
        StringBuilder line = new StringBuilder(digest.fileNames()).append(": ")
            .append(count(digest.articles(), "article"));
        if (digest.sections() > 0) {
            line.append(" in ").append(count(digest.sections(), "section"));
        }
        if (digest.leftOut() > 0) {
            line.append("; ")
                .append(digest.leftOut())
                .append(" more left out (it keeps the ")
                .append(digest.articles() + digest.skipped())
                .append(" most recently published: exporter.digest.max-articles)");
        }
        return line.append(skipped).toString();
    }

    /** "0.8 s", "12 min 05 s", "2 h 03 min"; empty for a run that has not ended. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /**
     * A run's problems as a person reads them: in input order (file, then position in
     * it), whatever order the partitions met them in, and a message met many times shown
     * {@link #PROBLEMS_SHOWN} times, then counted ("… and 49,997 more like it"), so a
     * feed with one mistake in every article stays readable.
     * @param format how one problem is written
     * @param indent put before the "… and N more like it" line
     */
    public static List<String> problems(List<Problem> problems, Function<Problem, String> format, String indent) {
        List<Problem> ordered = new ArrayList<>(problems);
        // stable: one article's problems keep the order they were met in
        ordered.sort(INPUT_ORDER);
        Map<String, Integer> total = new HashMap<>();
        ordered.forEach(p -> total.merge(key(p), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (Problem p : ordered) {
            int n = seen.merge(key(p), 1, Integer::sum);
            if (n <= PROBLEMS_SHOWN) {
                lines.add(format.apply(p));
            }
            int more = total.get(key(p)) - PROBLEMS_SHOWN;
            if (n == PROBLEMS_SHOWN && more > 0) {
                lines.add(indent + String.format(Locale.ROOT, "… and %,d more like it", more));
            }
        }
        return lines;
    }

    /**
     * A list's heading and its lines: "Warnings (2):", then each indented; nothing for an
     * empty list.
     */
    public static List<String> problems(String heading, List<Problem> problems) {
        if (problems.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(heading + " (" + problems.size() + "):");
        lines.addAll(problems(problems, p -> "  " + p, "  "));
        return lines;
    }

    private static String key(Problem p) {
        return p.kind() + "\u0000" + p.message();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

}
