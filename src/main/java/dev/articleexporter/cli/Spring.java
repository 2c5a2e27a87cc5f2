package dev.articleexporter.cli;

import dev.articleexporter.ArticleExporter;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context for one command, configured by that command's options. */
final class Spring {

    private Spring() {
    }

    /** @param properties passed as command-line arguments, so they win over application.properties */
    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ArticleExporter.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
