package dev.articleexporter.cli;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.RunSummaryFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * The lines a run prints on the terminal when it ends, for {@code export} and
 * {@code serve} alike: its line of counts, its digest, every problem, and why it stopped
 * or failed. The words are {@link RunSummaryFormat}'s.
 */
final class Summary {

    private final PrintWriter out;

    private final PrintWriter err;

    Summary(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * {@code export}: the lines of every run one invocation made, then where the files
     * and the history are.
     */
    void print(List<ExportReport> reports, Path output, String database) {
        reports.forEach(report -> print(report, null));
        out.println("Output:  " + output);
        out.println("History: " + database);
        out.flush();
    }

    /**
     * One run's lines.
     * @param how who asked for the run ("scheduled", "from the page"), or {@code null}
     */
    void print(ExportReport report, String how) {
        if (report.resumed() != null) {
            out.println(RunSummaryFormat.resumed(report.resumed()));
        }
        out.println(RunSummaryFormat.line(report.summary(), how));
        if (report.digest() != null) {
            out.println("Digest:  " + RunSummaryFormat.digest(report.digest()));
        }
        RunSummaryFormat.problems("Warnings", report.warnings()).forEach(out::println);
        RunSummaryFormat.problems("Rejected", report.rejections()).forEach(out::println);
        if (report.status() == BatchStatus.STOPPED) {
            out.println(RunSummaryFormat.STOPPED); // its "failure" is the interruption
        }
        else {
            report.failures().forEach(f -> err.println("error: " + RunSummaryFormat.failed(f)));
        }
        out.flush();
        err.flush();
    }

}
