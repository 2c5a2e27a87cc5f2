package dev.articleexporter.cli;

import dev.articleexporter.batch.ExportReport;
import dev.articleexporter.batch.ExportService;
import dev.articleexporter.batch.ExportSettings;
import dev.articleexporter.digest.RelatedMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: one run of the export job over the input folder. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Exports every article of the input folder's *.json files as one PDF and one EPUB each.")
public class ExportCommand implements Callable<Integer> {

    /** {@code --page-size}. */
    public enum PageSize { A4, LETTER }

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input",
            description = "Folder of *.json article files (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "Folder the PDF and EPUB files are written to (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--db", paramLabel = "PATH", defaultValue = Database.DEFAULT,
            description = "H2 database file of the run history, without .mv.db (default: ${DEFAULT-VALUE}); or a JDBC URL.")
    String db;

    @Option(names = "--formats", paramLabel = "LIST", split = ",", defaultValue = "pdf,epub",
            description = "Output formats, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--related", paramLabel = "keep|drop", defaultValue = "keep",
            description = "Keep or drop the closing 'More from <site>' list (default: ${DEFAULT-VALUE}).")
    RelatedMode related;

    @Option(names = "--page-size", paramLabel = "A4|letter", defaultValue = "A4",
            description = "PDF page size (default: ${DEFAULT-VALUE}).")
    PageSize pageSize;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(input)) {
            err.println("error: input folder not found: " + input.toAbsolutePath().normalize());
            return Cli.USAGE;
        }
        Database database = new Database(db);
        database.createFolder();
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("exporter.pdf.page-size", pageSize.name());
        properties.put("exporter.progress", Terminal.isInteractive());
        ExportSettings settings = new ExportSettings(input, output, formats, related);
        try (ConfigurableApplicationContext context = Spring.start(properties)) {
            ExportReport report;
            try {
                report = context.getBean(ExportService.class).export(settings);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return Cli.USAGE;
            }
            new Summary(out, err).print(report, settings.output(), database.describe());
            if (!report.completed()) {
                return Cli.FAILED;
            }
            return report.rejected() > 0 ? Cli.REJECTED : Cli.OK;
        }
    }
}
