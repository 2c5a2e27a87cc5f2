package dev.articleexporter.cli;

import dev.articleexporter.batch.ExportReport;
import dev.articleexporter.runs.Problem;
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
        list("Warnings", report.warnings());
        list("Rejected", report.rejections());
        for (String failure : report.failures()) {
            err.println("error: the run failed: " + failure);
        }
        out.flush();
        err.flush();
    }

    private void list(String heading, List<Problem> problems) {
        if (!problems.isEmpty()) {
            out.println(heading + " (" + problems.size() + "):");
            problems.forEach(p -> out.println("  " + p));
        }
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
