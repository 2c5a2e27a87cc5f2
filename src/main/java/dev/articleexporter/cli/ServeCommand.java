package dev.articleexporter.cli;

import dev.articleexporter.remote.Remote;
import dev.articleexporter.web.Loopback;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: one long-running process with the editors' download page, the OPDS
 * catalog for e-readers and the export on a schedule. It holds the history database for
 * as long as it runs.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {
        "Runs a web server: a download page for editors (/), an OPDS catalog for e-readers (/opds),",
        "and the export every night (the same job as 'export'). Stops cleanly on SIGTERM or Ctrl-C.",
        "Metrics for Prometheus at /actuator/prometheus and health at /actuator/health, behind the same user and",
        "password, or on --management-port without login." })
public class ServeCommand implements Callable<Integer> {

    static final String USER_VARIABLE = "ARTICLE_EXPORTER_USER";
    static final String PASSWORD_VARIABLE = "ARTICLE_EXPORTER_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RenderOptions rendering;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "Folder the exports write to and the server serves (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    DatabaseOption history;

    @Mixin
    ManagerOptions remote;

    @Mixin
    DeliverCommand.MailOptions mail;

    /** What to mail after each run ({@code --subscribers}), or {@code null}. */
    private dev.articleexporter.delivery.Deliveries.Request delivery;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address needs --user and a password.")
    String bind;

    @Option(names = "--cron", paramLabel = "EXPRESSION", defaultValue = "0 0 2 * * *",
            description = "When to export: Spring cron, six fields with seconds first (default: \"${DEFAULT-VALUE}\", 02:00 daily).")
    String cron;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of --cron and of the times the page shows, e.g. Europe/Paris (default: the system's).")
    String zone;

    @Option(names = "--no-schedule", description = "No scheduled exports; they start from the page's button only.")
    boolean noSchedule;

    @Option(names = "--user", paramLabel = "NAME",
            description = "User for HTTP Basic authentication of every request (or env " + USER_VARIABLE + ").")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password (or env " + PASSWORD_VARIABLE + ").")
    Path passwordFile;

    @Option(names = "--password", paramLabel = "SECRET",
            description = "The password itself; other users of this machine can see it in the process list: prefer --password-file or env "
                    + PASSWORD_VARIABLE + ".")
    String password;

    @Option(names = "--management-port", paramLabel = "PORT",
            description = "Serve /actuator/health (with /liveness and /readiness) and /actuator/prometheus on this port only, "
                    + "without login (0 picks a free one; default: on --port, behind the login).")
    Integer managementPort;

    @Option(names = "--management-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address of the management port (default: ${DEFAULT-VALUE}, this machine only; beyond it "
                    + "only with --user and a password for the server).")
    String managementBind;

    /** Where the user and password variables are read; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = usageProblem();
        if (problem != null) {
            err.println("error: " + problem);
            return Cli.USAGE;
        }
        String secret;
        try {
            secret = password();
        }
        catch (IOException e) {
            err.println("error: cannot read the password file " + passwordFile.toAbsolutePath().normalize() + ": "
                    + e.getMessage());
            return Cli.USAGE;
        }
        String name = user != null ? user : environment.get(USER_VARIABLE);
        boolean hasUser = name != null && !name.isBlank();
        boolean hasPassword = secret != null && !secret.isEmpty();
        if (hasUser != hasPassword) {
            err.println("error: " + (hasUser
                    ? "a user needs a password (--password-file, env " + PASSWORD_VARIABLE + " or --password)"
                    : "a password needs a user (--user or env " + USER_VARIABLE + ")"));
            return Cli.USAGE;
        }
        if (!hasUser && !Loopback.isLoopbackBind(bind)) {
            err.println("error: refusing to listen on " + bind
                    + " without a user and password: anyone who can reach it could"
                    + " download every file and start exports; give --user and a password (env " + PASSWORD_VARIABLE
                    + " or --password-file), or listen on 127.0.0.1 only");
            return Cli.USAGE;
        }
        if (managementPort != null && !hasUser && !Loopback.isLoopbackBind(managementBind)) {
            // an open server answers loopback host names only (web.Loopback), the
            // management port included
            err.println("error: a management port on " + managementBind
                    + " needs a user and password for the server (--user and a password), or --management-bind 127.0.0.1");
            return Cli.USAGE;
        }
        try {
            delivery = mail.request(false, false);
        }
        catch (dev.articleexporter.delivery.SubscribersFile.InvalidException e) {
            err.println("error: " + e.getMessage());
            return Cli.USAGE;
        }
        Database database = history.database();
        String remoteProblem = remote.problem(database, environment);
        if (remoteProblem != null) {
            err.println("error: " + remoteProblem);
            return Cli.USAGE;
        }
        database.createFolder();
        Files.createDirectories(output);
        try (AutoCloseable lock = database.lock()) {
            if (lock == null) {
                err.println("error: another article-exporter process is using the history database "
                        + database.describe() + "; only one may use it at a time");
                return Cli.FAILED;
            }
            return serve(database, hasUser ? name : null, hasUser ? secret : null, out, err);
        }
    }

    /** What is wrong with the options before anything starts, or {@code null}. */
    private String usageProblem() {
        if (rendering.problem() != null) {
            return rendering.problem();
        }
        if (port < 0 || port > 65535) {
            return "--port must be between 0 and 65535";
        }
        if (managementPort != null && (managementPort < 0 || managementPort > 65535)) {
            return "--management-port must be between 0 and 65535";
        }
        if (managementPort != null && managementPort != 0 && managementPort == port) {
            return "--management-port must differ from --port";
        }
        if (!Files.isDirectory(inputs.input)) {
            return "input folder not found: " + inputs.input.toAbsolutePath().normalize();
        }
        try {
            CronExpression.parse(cron);
        }
        catch (IllegalArgumentException e) {
            return "--cron \"" + cron
                    + "\" is not a Spring cron expression (six fields, seconds first, e.g. \"0 0 2 * * *\"): "
                    + e.getMessage();
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            }
            catch (DateTimeException e) {
                return "--zone " + zone + " is not a time zone (e.g. Europe/Paris, UTC)";
            }
        }
        return null;
    }

    private String password() throws IOException {
        if (password != null) {
            return password;
        }
        if (passwordFile != null) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        return environment.get(PASSWORD_VARIABLE);
    }

    private int serve(Database database, String name, String secret, PrintWriter out, PrintWriter err)
            throws Exception {
        ZoneId zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        String jdbcUrl = String.valueOf(properties.get("spring.datasource.url"));
        if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // H2 closes its databases in a JVM shutdown hook of its own; the run stopping
            // at SIGTERM still has a
            // chunk to commit. The database closes with the connection pool, when the
            // context closes.
            properties.put("spring.datasource.url", jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        rendering.putProperties(properties);
        properties.put("exporter.pdf.font-dirs", inputs.fontDirs());
        properties.put("exporter.progress", false);
        properties.put("exporter.serve.input", inputs.input.toAbsolutePath().normalize());
        properties.put("exporter.serve.output", output.toAbsolutePath().normalize());
        properties.put("exporter.serve.formats", String.join(",", inputs.formats));
        properties.put("exporter.serve.related", rendering.related.name());
        properties.put("exporter.serve.schedule", !noSchedule);
        properties.put("exporter.serve.cron", cron);
        properties.put("exporter.serve.zone", zoneId.getId());
        // the digest's date is the schedule's day
        properties.put("exporter.digest.time-zone", zoneId.getId());
        if (name != null) {
            properties.put("exporter.serve.user", name);
            properties.put("exporter.serve.password", secret);
        }
        properties.put("server.address", bind);
        properties.put("server.port", port);
        if (managementPort != null) {
            // Boot's own management server: the actuator endpoints move there
            // (web.ManagementSecurityConfig)
            properties.put("management.server.port", managementPort);
            properties.put("management.server.address", managementBind);
        }
        if (remote.remote()) {
            remote.putProperties(properties, environment);
            properties.put(Remote.ROLE, Spring.MANAGER);
        }

        ContextClosing closing = new ContextClosing();
        ConfigurableApplicationContext context;
        try {
            context = Spring.startServer(properties, closing, new RunPrinter(out, err, delivery));
        }
        catch (RuntimeException e) {
            PortInUseException portInUse = cause(e, PortInUseException.class);
            if (portInUse != null) {
                err.println("error: port " + portInUse.getPort() + " is already in use on " + bind
                        + "; choose another with --port");
                return Cli.FAILED;
            }
            IllegalArgumentException bad = e instanceof BeanCreationException ? cause(e, IllegalArgumentException.class)
                    : null;
            if (bad != null) {
                // an unknown --formats name, typically
                err.println("error: " + bad.getMessage());
                return Cli.USAGE;
            }
            throw e;
        }
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        String url = "http://" + urlHost(bind) + ":" + actualPort + "/";
        out.println("Serving " + output.toAbsolutePath().normalize() + " at " + url);
        out.println("  Download page: " + url + "   OPDS catalog for e-readers: " + url + "opds");
        out.println("  " + (name == null ? "Open to this machine only (no user configured)."
                : "HTTP Basic authentication as user " + name + "."));
        if (noSchedule) {
            out.println("  No schedule: exports start from the page's \"Run export now\" button.");
        }
        else {
            ZonedDateTime next = CronExpression.parse(cron).next(ZonedDateTime.now(zoneId));
            out.println(
                    "  Exports " + inputs.input.toAbsolutePath().normalize() + " on \"" + cron + "\" (" + zoneId.getId()
                            + "); next at "
                            + (next == null ? "never"
                                    : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(next))
                            + ".");
        }
        out.println(
                "  History: " + database.describe() + " (held while the server runs; start exports from the page).");
        if (remote.remote()) {
            out.println("  Partitions go to workers through the broker " + remote.broker + ".");
        }
        String management = managementPort == null ? url : "http://" + urlHost(managementBind) + ":"
                + context.getEnvironment().getProperty("local.management.port") + "/";
        out.println("  Metrics (Prometheus): " + management + "actuator/prometheus   Health: " + management
                + "actuator/health (/liveness, /readiness)");
        out.println(
                "Stop with Ctrl-C or SIGTERM: a running export stops at a chunk boundary and the next run resumes it.");
        out.flush();
        closing.await();
        return Cli.OK;
    }

    /**
     * The host part of the URL to print: a wildcard address becomes this machine's name.
     */
    private static String urlHost(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (address.isAnyLocalAddress()) {
                return InetAddress.getLocalHost().getHostName();
            }
        }
        catch (IOException e) {
            // print what was given
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

}
