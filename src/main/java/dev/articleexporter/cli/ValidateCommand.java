package dev.articleexporter.cli;

import dev.articleexporter.pipeline.ArticlePipeline;
import dev.articleexporter.pipeline.InputCheck;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.rules.StoryMaker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code validate}: every problem an export would meet, without writing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks every input as an export would (reading, processing, rendering in memory, with the same "
                + "options) and lists every problem, without writing outputs or history. Exit 0: no problem; 3: some inputs "
                + "would be rejected; 4: only warnings (every article would be exported).")
public class ValidateCommand implements Callable<Integer> {

    /** Processing and rendering only: no database, no job. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = { StoryMaker.class, OutputFormats.class })
    static class Rendering {

    }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RenderOptions rendering;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path input = inputs.input;
        if (rendering.problem() != null) {
            err.println("error: " + rendering.problem());
            return Cli.USAGE;
        }
        if (!Files.isDirectory(input)) {
            err.println("error: input folder not found: " + input.toAbsolutePath().normalize());
            return Cli.USAGE;
        }
        if (inputs.hasNoJsonFiles()) {
            out.println("The input folder " + input.toAbsolutePath().normalize()
                    + " has no *.json files: nothing to check.");
        }
        // No Spring Boot here, so no logging set-up: quiet the library's console
        // defaults; the report is the output.
        LoggingSystem.get(ValidateCommand.class.getClassLoader()).setLogLevel(null, LogLevel.OFF);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            Map<String, Object> properties = new java.util.LinkedHashMap<>();
            properties.put("exporter.pdf.font-dirs", inputs.fontDirs());
            rendering.putProperties(properties);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("options", properties));
            context.register(Rendering.class);
            context.refresh();
            InputCheck.Result result;
            try {
                // As an export's options, but nothing is skipped as unchanged: every
                // article is checked.
                ArticlePipeline.Options options = new ArticlePipeline.Options(
                        context.getBean(OutputFormats.class).select(inputs.formats), rendering.related, false,
                        "validate", java.time.Duration.ofSeconds(rendering.articleTimeLimit));
                result = InputCheck.run(input.toAbsolutePath().normalize(), options, context.getBean(StoryMaker.class));
            }
            catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Cli.USAGE;
            }
            ProblemLines.print(out, result.problems());
            out.printf(Locale.ROOT, "%d article%s checked in %s: %d would be exported, %d rejected, %d warning%s.%n",
                    result.articles(), result.articles() == 1 ? "" : "s", input.toAbsolutePath().normalize(),
                    result.exportable(), result.rejected(), result.problems().size() - result.rejected(),
                    result.problems().size() - result.rejected() == 1 ? "" : "s");
            return result.rejected() > 0 ? Cli.REJECTED : result.problems().isEmpty() ? Cli.OK : Cli.WARNINGS;
        }
    }

}
