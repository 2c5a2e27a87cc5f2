package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.rules.ImageLoader;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.render.OutputFormats.Format;
import dev.articleexporter.render.Renderer;
import dev.articleexporter.testing.ArticleRenderer;
import dev.articleexporter.history.Problem;
import dev.articleexporter.pipeline.ArticlePipeline;
import dev.articleexporter.pipeline.Exported;
import dev.articleexporter.pipeline.Exported.RenderedFile;
import dev.articleexporter.pipeline.FileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-article budget: an article that takes longer than
 * {@code exporter.render.time-limit}, or needs more memory than the run has, is rejected
 * by name with its temporary files removed, and the run goes on with the next one.
 */
class ArticleBudgetTest {

    private static final String TIME_MESSAGE = "took longer than 1 s to render (exporter.render.time-limit); not exported";

    private static final String MEMORY_MESSAGE = "needed more memory than the run has (-Xmx); not exported";

    @TempDir
    Path out;

    private final List<Problem> problems = new ArrayList<>();

    /**
     * The pipeline an export uses, rendering into {@code staging}; with {@code null},
     * validation's (counting only).
     */
    private ArticlePipeline processor(Path staging, Duration limit, Format... formats) {
        ArticlePipeline.Options options = new ArticlePipeline.Options(List.of(formats), RelatedMode.KEEP, true, "test",
                limit);
        return new ArticlePipeline(options, new StoryMaker(List.of(), new ImageLoader(1600)), problems::add,
                ArticlePipeline.Memory.NONE, staging == null ? FileSink.COUNTING : new StagedFileSink(staging));
    }

    /** Through the pipeline and into place, as the export step's processor does. */
    private Exported export(ArticlePipeline pipeline, Input.Parsed article) {
        return new ExportProcessor(pipeline, out).process(article);
    }

    private static Input.Parsed article(String id) {
        Article article = new Article(id, "Title " + id, null, null, null, null, null, null, null, List.of("Intro."),
                null, null);
        return new Input.Parsed(new Origin("in.json", 1), Path.of("."), article, List.of(), id);
    }

    private static Format format(String extension, Renderer renderer) {
        return new Format(extension, extension, "application/octet-stream", "1", renderer);
    }

    /** Writes 1 KB for every article, quickly. */
    private static final ArticleRenderer QUICK = (digest, out, warnings) -> out.write(new byte[1024]);

    /**
     * For the article {@code slowId}: keeps writing a kilobyte every 2 ms for 10 s
     * (flushing, as the PDF writer does after each page); any other article: 1 KB at
     * once.
     */
    private static ArticleRenderer slowFor(String slowId) {
        return (digest, out, warnings) -> {
            if (!digest.id().equals(slowId)) {
                out.write(new byte[1024]);
                return;
            }
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            byte[] kilobyte = new byte[1024];
            while (System.nanoTime() < end) {
                out.write(kilobyte);
                out.flush();
                LockSupport.parkNanos(2_000_000);
            }
        };
    }

    /**
     * Throws what a JVM out of heap throws, for the article {@code greedyId}; else writes
     * 1 KB.
     */
    private static ArticleRenderer outOfMemoryFor(String greedyId) {
        return (digest, out, warnings) -> {
            out.write(new byte[1024]);
            if (digest.id().equals(greedyId)) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @Timeout(30)
    void anArticleOverItsTimeLimitIsRejectedByNameAndTheNextIsExported() throws IOException {
        ArticlePipeline processor = processor(out, Duration.ofSeconds(1), format("pdf", slowFor("slow")));

        assertThat(export(processor, article("first"))).isNotNull();
        long start = System.nanoTime();
        assertThat(export(processor, article("slow"))).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped near its limit, not after 10 s")
            .isLessThan(Duration.ofSeconds(5));
        Exported next = export(processor, article("next"));

        assertThat(next.files()).extracting(RenderedFile::name)
            .containsExactly("next.pdf", "next.cover.jpg", "next.thumb.jpg");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.REJECTED);
            assertThat(p.article()).isEqualTo("slow");
            assertThat(p.message()).isEqualTo(TIME_MESSAGE);
        });
        // no cover of the rejected article either
        assertThat(files()).containsExactly("first.cover.jpg", "first.pdf", "first.thumb.jpg", "next.cover.jpg",
                "next.pdf", "next.thumb.jpg");
    }

    @Test
    @Timeout(30)
    void theTemporaryFilesOfATimedOutArticleAreGone() throws IOException {
        // The first format is rendered into its temporary file, the second runs out of
        // time.
        ArticlePipeline processor = processor(out, Duration.ofSeconds(1), format("pdf", QUICK),
                format("epub", slowFor("slow")));

        assertThat(export(processor, article("slow"))).isNull();

        assertThat(files()).as("no .part file, no output").isEmpty();
        assertThat(problems).singleElement().extracting(Problem::message).isEqualTo(TIME_MESSAGE);
        assertThat(export(processor, article("next")).files()).extracting(RenderedFile::name)
            .containsExactly("next.pdf", "next.epub", "next.cover.jpg", "next.thumb.jpg");
    }

    @Test
    @Timeout(30)
    void validatingAppliesTheTimeLimitToo() {
        ArticlePipeline validating = processor(null, Duration.ofSeconds(1), format("pdf", slowFor("slow")));

        assertThat(validating.process(article("slow"))).isNull();
        assertThat(validating.process(article("next"))).isNotNull();

        assertThat(problems).singleElement().extracting(Problem::message).isEqualTo(TIME_MESSAGE);
    }

    @Test
    @Timeout(30)
    void aRendererThatSwallowsTheRefusedWriteStillLosesItsFile() throws IOException {
        // Keeps writing until a write is refused, catches that and returns as if all were
        // well.
        ArticleRenderer swallowing = (digest, out, warnings) -> {
            try {
                for (int i = 0; i < 10_000; i++) {
                    out.write(new byte[1024]);
                    LockSupport.parkNanos(1_000_000);
                }
            }
            catch (RuntimeException refused) {
                // a careless library
            }
        };
        ArticlePipeline processor = processor(out, Duration.ofSeconds(1), format("pdf", swallowing));

        assertThat(export(processor, article("careless"))).isNull();

        assertThat(problems).singleElement().extracting(Problem::message).isEqualTo(TIME_MESSAGE);
        assertThat(files()).isEmpty();
    }

    @Test
    void anArticleThatRunsOutOfMemoryIsRejectedByNameAndTheNextIsExported() throws IOException {
        ArticlePipeline processor = processor(out, Duration.ofSeconds(60), format("pdf", QUICK),
                format("epub", outOfMemoryFor("greedy")));

        assertThat(export(processor, article("greedy"))).isNull();
        Exported next = export(processor, article("next"));

        assertThat(next.files()).extracting(RenderedFile::name)
            .containsExactly("next.pdf", "next.epub", "next.cover.jpg", "next.thumb.jpg");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.REJECTED);
            assertThat(p.article()).isEqualTo("greedy");
            assertThat(p.message()).isEqualTo(MEMORY_MESSAGE);
        });
        assertThat(files()).as("the greedy article's pdf, rendered before, is dropped with it")
            .containsExactly("next.cover.jpg", "next.epub", "next.pdf", "next.thumb.jpg");
    }

}
