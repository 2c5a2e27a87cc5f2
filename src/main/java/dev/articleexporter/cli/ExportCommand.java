package dev.articleexporter.cli;

import dev.articleexporter.delivery.Deliveries;
import dev.articleexporter.delivery.Subscriber;
import dev.articleexporter.delivery.SubscribersFile;
import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.ExportService;
import dev.articleexporter.job.ExportSettings;
import dev.articleexporter.job.ExporterProperties;
import dev.articleexporter.job.RunRefusedException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code export}: one run of the export job over the input folder. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
                "Exports every article of the input folder's *.json files in each selected format "
                        + "(PDF and EPUB by default).",
                "With --broker, 'worker' processes (on this or other machines) render the partitions." })
public class ExportCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RenderOptions rendering;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "Folder the exported files are written to (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    DatabaseOption history;

    @Mixin
    ManagerOptions remote;

    @Mixin
    DeliverCommand.MailOptions mail;

    /** Where the broker's user and password are read; tests replace it. */
    Map<String, String> environment = System.getenv();

    /** The longest input or output folder path, absolute. */
    static final int MAX_PATH = 1000;

    /** The most partitions a run may have: each holds its own fonts and buffers. */
    static final int MAX_THREADS = ExporterProperties.Defaults.MAX_THREADS;

    int threads;

    @Option(names = "--threads", paramLabel = "N", defaultValue = ExporterProperties.Defaults.THREADS,
            description = "Partitions rendered at once, one thread each, 1 to " + MAX_THREADS
                    + " (default: 0, one per CPU core).")
    void setThreads(int value) {
        if (value < 0 || value > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(),
                    "--threads must be 0 (one per CPU core) or 1 to " + MAX_THREADS + ", not " + value);
        }
        threads = value;
    }

    @Option(names = "--force",
            description = "Render every article, also those unchanged since their last export (by default they are skipped).")
    boolean force;

    @Option(names = "--digest",
            description = "Also write the nightly digest: one EPUB and one PDF of the articles this run rendered, "
                    + "by section (digest-<date>-run-<id>.epub/.pdf in the output folder).")
    boolean digest;

    @Option(names = "--fresh",
            description = "Start a new run even when the last run with the same settings did not finish (by default it is resumed).")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rendering.problem() != null) {
            err.println("error: " + rendering.problem());
            return Cli.USAGE;
        }
        for (Path folder : List.of(inputs.input, output)) {
            // The history keeps both paths (1,024 characters a column): a longer one is
            // refused here, not by the database.
            if (folder.toAbsolutePath().normalize().toString().length() > MAX_PATH) {
                err.println("error: the folder path " + folder + " is longer than " + MAX_PATH + " characters");
                return Cli.USAGE;
            }
        }
        if (!Files.isDirectory(inputs.input)) {
            err.println("error: input folder not found: " + inputs.input.toAbsolutePath().normalize());
            return Cli.USAGE;
        }
        Deliveries.Request delivery;
        try {
            delivery = mail.request(false, false);
        }
        catch (SubscribersFile.InvalidException e) {
            err.println("error: " + e.getMessage());
            return Cli.USAGE;
        }
        if (delivery != null && !digest && delivery.subscribers().stream().anyMatch(Subscriber::digest)) {
            err.println("error: the subscribers file " + mail.subscribers
                    + " has subscribers of the nightly digest: add --digest");
            return Cli.USAGE;
        }
        Database database = history.database();
        String remoteProblem = remote.problem(database, environment);
        if (remoteProblem != null) {
            err.println("error: " + remoteProblem);
            return Cli.USAGE;
        }
        database.createFolder();
        try (AutoCloseable lock = database.lock()) {
            if (lock == null) {
                err.println("error: another export is using the history database " + database.describe()
                        + "; only one may run at a time");
                return Cli.FAILED;
            }
            return run(database, delivery, out, err);
        }
        catch (DataAccessException e) {
            // The history could not be written (a full disk under the database): the run
            // is not on record.
            log.error("export failed: the history could not be written", e);
            err.println("error: " + Failures.describe(e, database));
            return Cli.FAILED;
        }
    }

    /**
     * Mails each completed run's files, then retries earlier failures that are due: a
     * failure is a warning, never the run's.
     */
    private static void deliver(Deliveries deliveries, List<ExportReport> reports, Deliveries.Request request,
            PrintWriter out, PrintWriter err) {
        List<ExportReport> completed = reports.stream().filter(ExportReport::completed).toList();
        for (int i = 0; i < completed.size(); i++) {
            long id = completed.get(i).executionId();
            try {
                DeliverCommand.print(
                        i == completed.size() - 1 ? deliveries.afterRun(id, request) : deliveries.deliver(id, request),
                        out, err);
            }
            catch (RuntimeException e) {
                log.warn("Run {}: delivery by e-mail failed", id, e);
                // the exception's own words are for the log: they name Java classes
                err.println("warning: run " + id + ": the delivery by e-mail failed (details in the log); 'deliver' "
                        + "tries again");
            }
        }
    }

    /**
     * Tells the launcher that this export did real work (it rendered articles and exited
     * 0), by creating the file it named: only such a run is worth learning the class
     * cache from (bin/article-exporter).
     */
    private static void markRealWork() {
        String marker = System.getProperty("article-exporter.work-marker");
        if (marker != null && !marker.isBlank()) {
            try {
                Files.createFile(Path.of(marker));
            }
            catch (java.io.IOException | RuntimeException e) {
                log.debug("Cannot create the launcher's marker {}", marker, e);
            }
        }
    }

    private int run(Database database, Deliveries.Request delivery, PrintWriter out, PrintWriter err) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        rendering.putProperties(properties);
        properties.put("exporter.pdf.font-dirs", inputs.fontDirs());
        properties.put("exporter.progress", Terminal.isInteractive());
        properties.put("exporter.threads", threads);
        if (inputs.hasNoJsonFiles()) {
            out.println("The input folder " + inputs.input.toAbsolutePath().normalize()
                    + " has no *.json files: nothing to export.");
        }
        ExportSettings settings = new ExportSettings(inputs.input, output, inputs.formats, rendering.related, force,
                digest);
        if (remote.remote()) {
            remote.putProperties(properties, environment);
        }
        try (ConfigurableApplicationContext context = remote.remote() ? Spring.startRemote(Spring.MANAGER, properties)
                : Spring.start(properties)) {
            if (delivery != null) {
                String problem = context.getBean(Deliveries.class).problem(delivery);
                if (problem != null) {
                    err.println("error: " + problem);
                    return Cli.USAGE;
                }
            }
            List<ExportReport> reports;
            try {
                reports = context.getBean(ExportService.class).export(settings, fresh);
            }
            catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Cli.USAGE;
            }
            catch (RunRefusedException e) {
                err.println("error: " + e.getMessage());
                return Cli.FAILED;
            }
            new Summary(out, err).print(reports, settings.output(), database.describe());
            if (delivery != null) {
                deliver(context.getBean(Deliveries.class), reports, delivery, out, err);
            }
            ExportReport last = reports.getLast();
            if (reports.stream().anyMatch(r -> !r.completed())) {
                return Cli.FAILED;
            }
            if (last.rejected() > 0) {
                return Cli.REJECTED;
            }
            // The launcher learns its class cache from local runs that rendered: one
            // that found every article unchanged loads no rendering classes.
            if (!remote.remote() && reports.stream().mapToLong(ExportReport::exported).sum() > 0) {
                markRealWork();
            }
            return Cli.OK;
        }
    }

}
