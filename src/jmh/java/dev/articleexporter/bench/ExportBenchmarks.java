package dev.articleexporter.bench;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.ArticleJson;
import dev.articleexporter.model.Story;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.pdf.PdfRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * One article through each stage on its own, one thread: the processing rules
 * ({@code StoryMaker}), the PDF renderer and the EPUB renderer, each on the 17-slide
 * sample {@code input/iraq-coalition.json} (run from the project folder, or pass
 * {@code -p input=PATH}). Renderers write into a reused in-memory buffer, so no disk time
 * is included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExportBenchmarks {

    /** A JSON file holding one article object. */
    @Param("input/iraq-coalition.json")
    public String input;

    private AnnotationConfigApplicationContext context;

    private StoryMaker maker;

    private Article article;

    private Path folder;

    private Story digest;

    private PdfRenderer pdf;

    private EpubRenderer epub;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Path.of(input).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found: run from the project folder or pass -p input=PATH");
        }
        // The rules as the application wires them: component scan, sorted by @Order.
        context = new AnnotationConfigApplicationContext("dev.articleexporter.rules");
        maker = context.getBean(StoryMaker.class);
        article = ArticleJson.MAPPER.readValue(file.toFile(), Article.class);
        folder = file.getParent();
        digest = maker.make(article, folder, RelatedMode.KEEP, new Warnings());
        pdf = new PdfRenderer();
        epub = new EpubRenderer();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    /**
     * Processing only: the rules and the format-neutral model, from the parsed article.
     */
    @Benchmark
    public Story processing() {
        return maker.make(article, folder, RelatedMode.KEEP, new Warnings());
    }

    /** PDF only, from the ready digest. */
    @Benchmark
    public int pdf() throws IOException {
        out.reset();
        pdf.render(digest, out, new Warnings());
        return out.size();
    }

    /** EPUB only, from the ready digest. */
    @Benchmark
    public int epub() throws IOException {
        out.reset();
        epub.render(digest, out, new Warnings());
        return out.size();
    }

}
