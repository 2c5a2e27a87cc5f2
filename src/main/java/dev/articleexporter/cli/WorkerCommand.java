package dev.articleexporter.cli;

import dev.articleexporter.remote.Remote;
import dev.articleexporter.web.Loopback;
import dev.articleexporter.web.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code worker}: takes partitions of remote runs from the broker and renders them, until
 * SIGTERM or Ctrl-C. What to read and where to write comes with each partition (the run's
 * settings, from the shared history); how to render is this command's options, which must
 * match the manager's.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = { "Renders partitions of remote runs ('export --broker' or 'serve --broker' on the manager):",
                "takes them from the broker, reads the run's input folder and writes into its output folder, which",
                "must be the same paths on this machine (a shared file system). Give the same rendering options as",
                "the manager. Stops on SIGTERM or Ctrl-C after the chunks it is rendering." })
public class WorkerCommand implements Callable<Integer> {

    /** The most partitions one worker renders at once. */
    static final int MAX_CONSUMERS = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Mixin
    DatabaseOption history;

    @Mixin
    RenderingOptions rendering;

    @Mixin
    FontOptions fonts;

    @Option(names = "--consumers", paramLabel = "N", description = "Partitions rendered at once, one thread each, 1 to "
            + MAX_CONSUMERS + " (default: one per CPU core).")
    Integer consumers;

    @Option(names = "--worker-id", paramLabel = "ID",
            description = "This worker's name in the history and in 'runs' (default: HOST:PID).")
    String workerId;

    @Option(names = "--management-port", paramLabel = "PORT",
            description = "Serve /actuator/prometheus (metrics) and /actuator/health on this port (0 picks a free one; "
                    + "default: none).")
    Integer managementPort;

    @Option(names = "--management-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address of the management port (default: ${DEFAULT-VALUE}, this machine only; the "
                    + "metrics need no login, they hold no secrets).")
    String managementBind;

    /** Where the broker's user and password are read; tests replace it. */
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
        Database database = history.database();
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        rendering.putProperties(properties);
        properties.put("exporter.pdf.font-dirs", fonts.fontDirs());
        properties.put("exporter.progress", false);
        broker.putProperties(properties, environment);
        if (consumers != null) {
            properties.put(Remote.CONSUMERS, consumers);
        }
        if (workerId != null) {
            properties.put(Remote.WORKER_ID, workerId.strip());
        }
        ContextClosing closing = new ContextClosing();
        try (ConfigurableApplicationContext context = Spring.startRemote(Spring.WORKER, properties, closing);
                MetricsServer metrics = managementPort == null ? null : metrics(context)) {
            out.println("Worker " + (workerId == null ? "" : workerId.strip() + " ") + "taking partitions from "
                    + broker.broker.strip() + "; history: " + database.describe() + ".");
            if (metrics != null) {
                String host = managementBind.contains(":") ? "[" + managementBind + "]" : managementBind;
                out.println("  Metrics (Prometheus): http://" + host + ":" + metrics.port()
                        + "/actuator/prometheus   Health: http://" + host + ":" + metrics.port() + "/actuator/health");
            }
            out.println("Stop with Ctrl-C or SIGTERM: the partitions it renders stop at a chunk boundary and are "
                    + "resumed by the next run.");
            out.flush();
            closing.await();
        }
        return Cli.OK;
    }

    private String usageProblem() {
        if (!broker.remote()) {
            return "a worker needs --broker tcp://HOST:PORT (the broker of the manager's remote runs)";
        }
        String problem = broker.problem(history.database(), environment, false);
        if (problem != null) {
            return problem;
        }
        if (rendering.problem() != null) {
            return rendering.problem();
        }
        if (consumers != null && (consumers < 1 || consumers > MAX_CONSUMERS)) {
            return "--consumers must be 1 to " + MAX_CONSUMERS + ", not " + consumers;
        }
        if (workerId != null && (workerId.isBlank() || workerId.length() > 100)) {
            return "--worker-id must be 1 to 100 characters";
        }
        if (managementPort != null && (managementPort < 0 || managementPort > 65535)) {
            return "--management-port must be between 0 and 65535";
        }
        return null;
    }

    private MetricsServer metrics(ConfigurableApplicationContext context) throws IOException {
        HealthEndpoint health = context.getBeanProvider(HealthEndpoint.class).getIfAvailable();
        try {
            return MetricsServer.start(new InetSocketAddress(managementBind, managementPort),
                    context.getBean(PrometheusMeterRegistry.class),
                    () -> context.isActive() && (health == null || Status.UP.equals(health.health().getStatus())));
        }
        catch (java.net.BindException e) {
            throw new IOException("cannot listen on " + managementBind + " port " + managementPort
                    + (Loopback.isLoopbackBind(managementBind) ? "" : " (is it an address of this machine?)") + ": "
                    + e.getMessage(), e);
        }
    }

}
