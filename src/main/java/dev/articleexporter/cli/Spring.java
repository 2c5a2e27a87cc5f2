package dev.articleexporter.cli;

import dev.articleexporter.ArticleExporter;
import dev.articleexporter.remote.Remote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aot.AotDetector;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context for one command, configured by that command's options.
 */
final class Spring {

    /** {@code exporter.remote.role} of a context that sends partitions to workers. */
    static final String MANAGER = "manager";

    /**
     * {@code exporter.remote.role} of a context that runs partitions sent by a manager.
     */
    static final String WORKER = "worker";

    /**
     * Auto-configuration the plain commands (export, runs, validate) go without: metrics,
     * health and endpoints are for long-running processes (serve, worker), and JMS for
     * remote runs. Left to Boot, every export would make a meter registry, its binders
     * and a JMS connection factory (AotContext records the same list at build time, and
     * the classes would be loaded at every start).
     */
    static final List<String> NOT_IN_PLAIN_CONTEXT = List.of(
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration",
            "org.springframework.boot.artemis.autoconfigure.ArtemisAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration",
            "org.springframework.boot.jms.autoconfigure.health.JmsHealthContributorAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration");

    /** JMS and the Artemis client: only in a remote run's contexts. */
    static final List<String> NO_BROKER = List.of(
            "org.springframework.boot.artemis.autoconfigure.ArtemisAutoConfiguration",
            "org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration",
            "org.springframework.boot.jms.autoconfigure.health.JmsHealthContributorAutoConfiguration");

    private Spring() {
    }

    /**
     * The property that keeps {@link #NOT_IN_PLAIN_CONTEXT} out, as a command-line
     * argument.
     */
    static String plainContextExclusions() {
        return "--spring.autoconfigure.exclude=" + String.join(",", NOT_IN_PLAIN_CONTEXT);
    }

    /**
     * @param properties passed as command-line arguments, so they win over
     * application.properties
     */
    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // names the ahead-of-time initializer to use with spring.aot.enabled
        Map<String, Object> plain = new LinkedHashMap<>(properties);
        plain.put("spring.autoconfigure.exclude", String.join(",", NOT_IN_PLAIN_CONTEXT));
        return new SpringApplicationBuilder(ArticleExporter.class).main(AotContext.class)
            .web(WebApplicationType.NONE)
            .listeners(Logging.afterSpringLogging())
            .run(arguments(plain));
    }

    /**
     * The context of a remote run's manager ({@code export --broker}) or of a
     * {@code worker}: made the usual way, never ahead of time, since the AOT context has
     * no broker, JMS or remote beans (the remote configuration is chosen by
     * {@code exporter.remote.role} at start). Metrics are in (a worker serves them).
     * @param role {@link #MANAGER} or {@link #WORKER}
     */
    static ConfigurableApplicationContext startRemote(String role, Map<String, Object> properties,
            ApplicationListener<?>... listeners) {
        System.clearProperty(AotDetector.AOT_ENABLED);
        Map<String, Object> remote = new LinkedHashMap<>(properties);
        remote.put(Remote.ROLE, role);
        return new SpringApplicationBuilder(ArticleExporter.class).web(WebApplicationType.NONE)
            .listeners(Logging.afterSpringLogging())
            .listeners(listeners)
            .run(arguments(remote));
    }

    /**
     * The web server of {@code serve}: the only context with web beans (page, files,
     * security, schedule). Returns once it listens; it runs until the context is closed
     * (SIGTERM, Ctrl-C).
     */
    static ConfigurableApplicationContext startServer(Map<String, Object> properties,
            ApplicationListener<?>... listeners) {
        // The ahead-of-time context (AotContext) has no web beans: this one is always
        // made the usual way.
        System.clearProperty(AotDetector.AOT_ENABLED);
        Map<String, Object> server = new LinkedHashMap<>(properties);
        // application.properties says none
        server.put("spring.main.web-application-type", "servlet");
        // For operators: /actuator/health and /actuator/prometheus on the server's own
        // port, behind its security (web.WebSecurityConfig: credentials beyond loopback).
        server.putIfAbsent("management.endpoints.web.exposure.include", "health,prometheus");
        if (!server.containsKey(Remote.ROLE)) {
            // Without --broker no JMS: else Boot makes a connection factory for a broker
            // on
            // localhost, and its health check says DOWN.
            server.put("spring.autoconfigure.exclude", String.join(",", NO_BROKER));
        }
        // The command's listeners are registered before the context starts, so none of
        // its events is missed.
        return new SpringApplicationBuilder(ArticleExporter.class).web(WebApplicationType.SERVLET)
            .listeners(Logging.afterSpringLogging())
            .listeners(listeners)
            .run(arguments(server));
    }

    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

}
