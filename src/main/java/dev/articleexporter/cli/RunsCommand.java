package dev.articleexporter.cli;

import dev.articleexporter.delivery.DeliveryHistory;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.history.RunSummary;
import dev.articleexporter.job.DigestOutcome;
import dev.articleexporter.job.RunSummaryFormat;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runs}: the recent runs from the history database, or one run with its problems.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lists recent export runs from the history database, newest first.")
public class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption history;

    /** The most runs one listing shows. */
    static final int MAX_LIMIT = 10_000;

    int limit;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many runs to list, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    void setLimit(int value) {
        if (value < 1 || value > MAX_LIMIT) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be 1 to " + MAX_LIMIT + ", not " + value);
        }
        limit = value;
    }

    @Option(names = "--run", paramLabel = "ID", description = "Show one run with its warnings and rejected inputs.")
    Long run;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Database database = history.database();
        if (!database.exists()) {
            out.println("No runs recorded yet: there is no database at " + database.describe() + ".");
            return Cli.OK;
        }
        Map<String, Object> properties = database.springProperties();
        try (ConfigurableApplicationContext context = Spring.start(properties)) {
            RunHistory history = context.getBean(RunHistory.class);
            if (run != null) {
                return showOne(out, history, context.getBean(RunProblems.class), context.getBean(DigestHistory.class),
                        context.getBean(DeliveryHistory.class));
            }
            List<RunSummary> runs = history.recent(limit);
            if (runs.isEmpty()) {
                out.println("No runs recorded yet in " + database.describe() + ".");
                return Cli.OK;
            }
            out.printf(Locale.ROOT, "%5s  %-19s  %-19s  %11s  %-9s  %6s  %8s  %9s  %8s  %8s%n", "RUN", "STARTED",
                    "ENDED", "DURATION", "STATUS", "READ", "EXPORTED", "UNCHANGED", "REJECTED", "WARNINGS");
            runs.forEach(r -> out.printf(Locale.ROOT, "%5d  %-19s  %-19s  %11s  %-9s  %6d  %8d  %9d  %8d  %8d%n",
                    r.executionId(), time(r.start()), time(r.end()),
                    r.duration() == null ? "-" : RunSummaryFormat.duration(r.duration()), r.status(), r.read(),
                    r.exported(), r.unchanged(), r.rejected(), r.warnings()));
            return Cli.OK;
        }
    }

    private int showOne(PrintWriter out, RunHistory history, RunProblems problems, DigestHistory digests,
            DeliveryHistory deliveries) {
        RunSummary r = history.find(run).orElse(null);
        if (r == null) {
            spec.commandLine().getErr().println("error: no run with id " + run);
            return Cli.USAGE;
        }
        out.println(RunSummaryFormat.line(r));
        out.println("Started " + time(r.start()) + ", ended " + time(r.end()) + ".");
        String ending = RunSummaryFormat.ending(r);
        if (ending != null) {
            out.println(ending);
        }
        List<RunSummary.Partition> partitions = history.partitions(r.executionId());
        if (!partitions.isEmpty()) {
            out.println("Partitions (remote run):");
            out.printf(Locale.ROOT, "  %-12s  %-9s  %6s  %8s  %8s  %s%n", "PARTITION", "STATUS", "READ", "WRITTEN",
                    "REJECTED", "WORKER");
            partitions.forEach(p -> out.printf(Locale.ROOT, "  %-12s  %-9s  %6d  %8d  %8d  %s%n",
                    p.name().substring(p.name().indexOf(':') + 1), p.status(), p.read(), p.written(), p.rejected(),
                    p.worker() == null ? "-" : p.worker()));
        }
        digests.ofRun(r.executionId())
            .ifPresent(d -> out.println("Digest: " + RunSummaryFormat
                .digest(new DigestOutcome(d.fileStem(), d.extensions(), d.title(), d.articles(), 0, 0, 0))));
        deliveries(out, deliveries, r.executionId());
        RunSummaryFormat.problems(problems.of(r.executionId()), p -> "  " + p.kind() + "  " + p, "  ")
            .forEach(out::println);
        return Cli.OK;
    }

    /** The run's deliveries by e-mail, one line each (with the error of a failed one). */
    private static void deliveries(PrintWriter out, DeliveryHistory deliveries, long runId) {
        List<DeliveryHistory.Record> records = deliveries.ofRun(runId);
        if (records.isEmpty()) {
            return;
        }
        out.println("Deliveries by e-mail:");
        for (DeliveryHistory.Record d : records) {
            out.printf(Locale.ROOT, "  %-7s  %s  %s  (%s; attempts %d; %s; Message-ID %s)%n", d.result(), d.recipient(),
                    d.files().isEmpty() ? d.item() : String.join(", ", d.files()), d.item(), d.attempts(),
                    d.updated() == null ? "-" : TIME.format(d.updated().atZone(ZoneId.systemDefault())),
                    d.messageId() == null ? "-" : d.messageId());
            if (d.error() != null) {
                out.println("           " + d.error());
            }
        }
    }

    private static String time(java.time.LocalDateTime t) {
        return t == null ? "-" : TIME.format(t);
    }

}
