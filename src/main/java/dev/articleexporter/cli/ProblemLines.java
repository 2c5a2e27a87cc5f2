package dev.articleexporter.cli;

import dev.articleexporter.input.Origin;
import dev.articleexporter.history.Problem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A run's problems as a person reads them: in input order (file, then position in it), whatever
 * order the partitions met them in, and a message met many times shown a few times, then counted
 * ("… and 49,997 more like it"), so a feed with one mistake in every article stays readable.
 */
final class ProblemLines {

    /** Occurrences of one message shown before the rest are counted. */
    static final int SHOWN = 3;

    private static final Comparator<Problem> INPUT_ORDER = Comparator
            .comparing((Problem p) -> Origin.parse(p.file()).file())
            .thenComparingInt(p -> Origin.parse(p.file()).position());

    private ProblemLines() {
    }

    /** Every problem as "KIND  file #n (article): message" ({@code validate}, {@code runs --run}). */
    static void print(PrintWriter out, List<Problem> problems) {
        lines(problems, p -> p.kind() + "  " + p, "").forEach(out::println);
    }

    /**
     * @param format how one problem is written
     * @param indent put before the "… and N more like it" line
     */
    static List<String> lines(List<Problem> problems, Function<Problem, String> format, String indent) {
        List<Problem> ordered = new ArrayList<>(problems);
        ordered.sort(INPUT_ORDER); // stable: one article's problems keep the order they were met in
        Map<String, Integer> total = new HashMap<>();
        ordered.forEach(p -> total.merge(key(p), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (Problem p : ordered) {
            int n = seen.merge(key(p), 1, Integer::sum);
            if (n <= SHOWN) {
                lines.add(format.apply(p));
            }
            int more = total.get(key(p)) - SHOWN;
            if (n == SHOWN && more > 0) {
                lines.add(indent + String.format(Locale.ROOT, "… and %,d more like it", more));
            }
        }
        return lines;
    }

    private static String key(Problem p) {
        return p.kind() + "\u0000" + p.message();
    }
}
