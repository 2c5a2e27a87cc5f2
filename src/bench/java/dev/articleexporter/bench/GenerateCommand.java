package dev.articleexporter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: a deterministic corpus of realistic slideshow articles, for
 * benchmarks. Not a command of the application: run it from {@code benchmarks.jar}
 * ({@code ./mvnw -Pbench package}), as {@code bench/benchmark.sh} does:
 * {@code java -cp benchmarks.jar dev.articleexporter.bench.GenerateCommand --count N --output DIR}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {
                "Writes N realistic slideshow articles (5-40 slides, messy credits, promotions, repeated teasers) "
                        + "as JSON arrays named corpus-00001.json, ... for benchmarks.",
                "The same seed always gives byte-identical files." })
public class GenerateCommand implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many articles to write.")
    int count;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Folder for the corpus files (created if missing; files of the same names are replaced).")
    Path output;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-file", paramLabel = "N", defaultValue = "" + CorpusGenerator.DEFAULT_PER_FILE,
            description = "Articles per JSON file (default: ${DEFAULT-VALUE}).")
    int perFile;

    @Option(names = "--slides", paramLabel = "N",
            description = "Give every article exactly N slides (17 is the size of the bundled sample); "
                    + "without it, 5 to 40 slides, about 17 on average.")
    Integer slides;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must not be negative: " + count);
        }
        if (perFile < 1) {
            throw new ParameterException(spec.commandLine(), "--per-file must be at least 1: " + perFile);
        }
        if (slides != null && slides < 1) {
            throw new ParameterException(spec.commandLine(), "--slides must be at least 1: " + slides);
        }
        long start = System.nanoTime();
        CorpusGenerator.Result result = new CorpusGenerator(seed, slides).write(output, count, perFile);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Wrote %d articles (%d slides) in %d files, %.1f MB, to %s in %.1f s.%n",
                result.articles(), result.slides(), result.files().size(), result.bytes() / 1e6,
                output.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

}
