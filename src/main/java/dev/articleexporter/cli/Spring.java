package dev.articleexporter.cli;

import dev.articleexporter.ArticleExporter;
import java.util.LinkedHashMap;
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

    private Spring() {
    }

    /**
     * @param properties passed as command-line arguments, so they win over
     * application.properties
     */
    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // names the ahead-of-time initializer to use with spring.aot.enabled
        return new SpringApplicationBuilder(ArticleExporter.class).main(AotContext.class)
            .web(WebApplicationType.NONE)
            .listeners(Logging.afterSpringLogging())
            .run(arguments(properties));
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
