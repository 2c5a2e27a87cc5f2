package dev.articleexporter.cli;

import dev.articleexporter.history.Problem;
import dev.articleexporter.job.RunSummaryFormat;
import java.io.PrintWriter;
import java.util.List;

/**
 * Problems listed one a line, in input order and with repeats counted
 * ({@link RunSummaryFormat#problems}).
 */
final class ProblemLines {

    private ProblemLines() {
    }

    /**
     * Every problem as "KIND file #n (article): message" ({@code validate},
     * {@code runs --run}).
     */
    static void print(PrintWriter out, List<Problem> problems) {
        RunSummaryFormat.problems(problems, p -> p.kind() + "  " + p, "").forEach(out::println);
    }

}
