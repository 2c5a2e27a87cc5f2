package dev.articleexporter.cli;

import dev.articleexporter.ArticleExporter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The application context of the commands without a web server (export, validate, runs),
 * as the build records it ahead of time: Spring AOT (the {@code process-aot} goal) runs
 * this main method and generates {@code AotContext__ApplicationContextInitializer}, plain
 * code that registers the beans that would otherwise be found by scanning and parsing
 * configuration classes at every start. {@code bin/article-exporter} turns it on with
 * {@code -Dspring.aot.enabled=true} (not for serve, whose context has the web beans): it
 * takes much of the work out of Spring's start-up (docs/operations.md, "The launcher and
 * the JVM").
 *
 * <p>
 * What AOT freezes are the bean definitions and their conditions; property values are
 * still read at run time. So the properties below are those that decide which beans
 * exist: no web server, a batch schema initializer (whether it creates the tables is
 * decided at run time), and no metrics, health or JMS beans ({@link Spring#start}
 * excludes the same auto-configuration; serve, worker and remote runs are not made ahead
 * of time and have them).
 */
public final class AotContext {

    private AotContext() {
    }

    /**
     * Run by the build only; the database is never opened, AOT stops before any bean is
     * made.
     */
    public static void main(String[] args) {
        new SpringApplicationBuilder(ArticleExporter.class).web(WebApplicationType.NONE)
            .run("--spring.datasource.url=jdbc:h2:mem:aot", "--spring.batch.jdbc.initialize-schema=always",
                    Spring.plainContextExclusions());
    }

}
