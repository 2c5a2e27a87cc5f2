package dev.articleexporter.cli;

import dev.articleexporter.job.DigestOutcome;
import dev.articleexporter.job.ExportReport;
import dev.articleexporter.history.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The few lines an export prints when it ends: counts, time, where things went, every problem. */
final class Summary {

    private final PrintWriter out;
    private final PrintWriter err;

    Summary(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** The lines of every run one invocation made, then where the files and the history are. */
    void print(List<ExportReport> reports, Path output, String database) {
        reports.forEach(this::print);
        out.println("Output:  " + output);
        out.println("History: " + database);
        out.flush();
    }

    private void print(ExportReport report) {
        if (report.resumed() != null) {
            out.printf(Locale.ROOT, "Resumed run %d, which had not finished; its exported articles were not redone.%n",
                    report.resumed());
        }
        out.printf(Locale.ROOT, "Run %d %s in %s: %d read, %d exported, %s%d rejected, %d warning%s.%n",
                report.executionId(), report.status(), seconds(report.duration()), report.read(), report.exported(),
                report.unchanged() > 0 ? report.unchanged() + " unchanged, " : "",
                report.rejected(), report.warnings().size(), report.warnings().size() == 1 ? "" : "s");
        if (report.edition() != null) {
            out.println("Digest:  " + digest(report.edition()));
        }
        list("Warnings", report.warnings());
        list("Rejected", report.rejections());
        for (String failure : report.failures()) {
            err.println("error: the run failed: " + failure);
        }
        out.flush();
        err.flush();
    }

    /** "digest-2026-11-25-run-3.epub and .pdf: 3 articles in 3 sections", or why there is none. */
    static String digest(DigestOutcome edition) {
        String skipped = edition.skipped() == 0 ? ""
                : "; " + edition.skipped() + " left out because " + (edition.skipped() == 1 ? "its input" : "their inputs")
                + " changed since (see the warnings)";
        if (!edition.written()) {
            return edition.skipped() == 0 ? "none: the run rendered no articles"
                    : "none: no article the run rendered could be read again" + skipped;
        }
        StringBuilder line = new StringBuilder(edition.fileStem()).append(".epub and .pdf: ")
                .append(count(edition.articles(), "article"));
        if (edition.sections() > 0) {
            line.append(" in ").append(count(edition.sections(), "section"));
        }
        if (edition.leftOut() > 0) {
            line.append("; ").append(edition.leftOut()).append(" more left out (it keeps the ")
                    .append(edition.articles() + edition.skipped()).append(" most recently published: exporter.digest.max-articles)");
        }
        return line.append(skipped).toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void list(String heading, List<Problem> problems) {
        if (!problems.isEmpty()) {
            out.println(heading + " (" + problems.size() + "):");
            ProblemLines.lines(problems, p -> "  " + p, "  ").forEach(out::println);
        }
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
