package dev.articleexporter.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code article-exporter} command: {@code export} (the default), {@code runs},
 * {@code validate}, {@code serve}, {@code worker}. Parsing, {@code --help} and
 * {@code --version} happen before Spring starts, so they are instant.
 */
@Command(name = "article-exporter", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Exports news and slideshow articles (JSON) to PDF and EPUB; every run is kept in an H2 database.",
        subcommands = { ExportCommand.class, RunsCommand.class, ValidateCommand.class, ServeCommand.class,
                WorkerCommand.class, DeliverCommand.class, CommandLine.HelpCommand.class },
        footerHeading = "%nWith no command, 'export' runs with its defaults.%n", footer = "")
public class Cli implements Runnable {

    public static final int OK = 0;

    public static final int FAILED = 1;

    public static final int USAGE = 2;

    public static final int REJECTED = 3;

    /** {@code validate} only: warnings, but every input would be exported. */
    public static final int WARNINGS = 4;

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    /**
     * Shown by {@code --help} and {@code export --help}; the README has the same table.
     */
    private static final Map<String, String> EXIT_CODES = exitCodes();

    private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version", "help");

    @Option(names = "--log-format", paramLabel = "human|json", defaultValue = "human", scope = ScopeType.INHERIT,
            description = "Log lines as Boot's default text (default) or as JSON, one object per line (Logstash "
                    + "fields, with run_id and article), in the log file and on standard error.")
    void logFormat(Logging.Format format) {
        Logging.format(format);
    }

    @Override
    public void run() {
        // Not reached: run(String...) turns a bare invocation into 'export'.
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command line and returns its exit code; never calls {@code System.exit}.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Logging.quietConsole();
        // until the options say otherwise: an earlier command in this JVM may have chosen
        // JSON
        Logging.format(Logging.Format.HUMAN);
        CommandLine cli = new CommandLine(new Cli()).setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler((e, args2) -> {
                // One line that says what is wrong, and where to read more: the whole
                // usage would bury it.
                CommandLine command = e.getCommandLine();
                command.getErr().println("error: " + e.getMessage());
                command.getErr()
                    .println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
                return USAGE;
            })
            .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                log.error("{} failed", commandLine.getCommandName(), e);
                commandLine.getErr().println("error: " + Failures.describe(e, databaseOption(parsed)));
                return FAILED;
            });
        for (CommandLine command : List.of(cli, cli.getSubcommands().get("export"))) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        }
        return cli.execute(withDefaultCommand(args));
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "every article exported (warnings allowed)");
        codes.put(String.valueOf(REJECTED), "the run finished but some inputs were rejected");
        codes.put(String.valueOf(FAILED), "the run failed");
        codes.put(String.valueOf(USAGE), "bad usage");
        codes.put(String.valueOf(WARNINGS), "validate only: warnings, but every input would be exported");
        return Collections.unmodifiableMap(codes);
    }

    /** The {@code --db} the failed command was given, for messages. */
    private static Database databaseOption(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        String db = command.matchedOptionValue("--db", Database.DEFAULT);
        return new Database(Database.problem(db) == null ? db : Database.DEFAULT);
    }

    /** No command, or only export's options: the command is 'export'. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || TOP_LEVEL.contains(args[0]))) {
            return args;
        }
        String[] withExport = new String[args.length + 1];
        withExport[0] = "export";
        System.arraycopy(args, 0, withExport, 1, args.length);
        return withExport;
    }

}
