package dev.articleexporter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.input.Article;
import dev.articleexporter.testing.ArticleRenderer;
import dev.articleexporter.input.ArticleJson;
import dev.articleexporter.input.ArticleNode;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.rules.ImageLoader;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.render.OutputFormats.Format;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles are bound (and cleaned) only when something needs them bound: an unchanged one
 * never is, and one that does not bind is rejected and named exactly as when the reader
 * bound every article.
 */
class LazyBindingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ARTICLE = "{\"id\": \"story\", \"title\": \"A Title\", \"intro\": \"First.\","
            + " \"slides\": [{\"heading\": \"One\", \"body\": [\"Para one.\"]}]}";

    @TempDir
    Path work;

    private final List<Problem> problems = new ArrayList<>();

    private final AtomicInteger renders = new AtomicInteger();

    private static Input.Parsed read(int position, String json) {
        return new Input.Parsed(new Origin("a.json", position), Path.of("."), new ArticleNode(JSON.readTree(json)),
                null);
    }

    private ArticlePipeline processor(Optional<ArticleRecord> last) throws IOException {
        Path output = Files.createDirectories(work.resolve("out"));
        Format format = new Format("fake", "fake", "application/x-fake", "1",
                (ArticleRenderer) (story, out, warnings) -> {
                    renders.incrementAndGet();
                    out.write(1);
                });
        ArticlePipeline.Options options = new ArticlePipeline.Options(List.of(format), RelatedMode.KEEP, false,
                "fingerprint", null);
        // Files of the last export are found in the output folder; the rendered ones are
        // only counted.
        FileSink sink = new FileSink() {
            @Override
            public boolean has(String fileName) {
                return Files.isRegularFile(output.resolve(fileName));
            }

            @Override
            public Draft start(String fileName) throws IOException {
                return FileSink.COUNTING.start(fileName);
            }
        };
        return new ArticlePipeline(options, new StoryMaker(List.of(), new ImageLoader(1600)), problems::add,
                new ArticlePipeline.Memory(OutputNames.Committed.NONE, stem -> last), sink);
    }

    private static ArticleRecord lastExport(String hash) {
        return new ArticleRecord("story", "story", "a.json #1", "A Title", null, null, "en", null, null, null, false,
                hash);
    }

    @Test
    void anUnchangedArticleIsNeitherBoundNorRendered() throws IOException {
        Input.Parsed article = read(1, ARTICLE).withStem("story");
        String hash = ContentHash.of(article, "fingerprint", "KEEP");
        ArticlePipeline processor = processor(Optional.of(lastExport(hash)));
        Files.writeString(work.resolve("out/story.fake"), "last night's");
        Files.writeString(work.resolve("out/story.cover.jpg"), "last night's");
        Files.writeString(work.resolve("out/story.thumb.jpg"), "last night's");

        Exported unchanged = processor.process(article);
        assertThat(unchanged.article().unchanged()).isTrue();
        assertThat(unchanged.article().contentHash()).isEqualTo(hash);
        assertThat(article.node().isBound()).isFalse();
        assertThat(renders).hasValue(0);

        Input.Parsed edited = read(1, ARTICLE.replace("Para one.", "Paragraph one.")).withStem("story");
        // Tomorrow's run (a pipeline of its own: in one run the same id twice is a
        // duplicate).
        Exported rendered = processor(Optional.of(lastExport(hash))).process(edited);
        assertThat(rendered.article().unchanged()).isFalse();
        assertThat(rendered.article().contentHash()).isNotEqualTo(hash);
        assertThat(edited.node().isBound()).isTrue();
        assertThat(renders).hasValue(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnchangedArticleWhoseCoverIsGoneIsRenderedAgain() throws IOException {
        Input.Parsed article = read(1, ARTICLE).withStem("story");
        String hash = ContentHash.of(article, "fingerprint", "KEEP");
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("out/story.fake"), "last night's");
        Files.writeString(work.resolve("out/story.thumb.jpg"), "last night's");

        Exported rendered = processor(Optional.of(lastExport(hash))).process(article);
        assertThat(rendered.article().unchanged()).isFalse();
        assertThat(renders).hasValue(1);
        assertThat(rendered.files()).extracting(Exported.RenderedFile::name)
            .containsExactly("story.fake", "story.cover.jpg", "story.thumb.jpg");
    }

    @Test
    void anArticleThatDoesNotBindIsRejectedWithTheReadersMessage() throws IOException {
        String json = ARTICLE.replace("\"slides\": [", "\"related\": \"none\", \"slides\": [");
        String expected;
        try {
            ArticleJson.MAPPER.treeToValue(JSON.readTree(json), Article.class);
            throw new AssertionError("binds");
        }
        catch (JacksonException e) {
            expected = "not a valid article: " + ArticleJson.describe(e);
        }
        assertThat(expected).contains("(at $.related)");

        // Its name had an export of a good version: the hash differs, so it is bound, and
        // rejected.
        assertThat(processor(
                Optional.of(lastExport(ContentHash.of(read(1, ARTICLE).withStem("story"), "fingerprint", "KEEP"))))
            .process(read(2, json).withStem("story"))).isNull();
        assertThat(problems).containsExactly(new Problem(Problem.Kind.REJECTED, "a.json #2", null, expected));
        assertThat(renders).hasValue(0);
    }

    @Test
    void anArticleThatDoesNotBindHoldsNoName() {
        OutputNames names = new OutputNames(OutputNames.Committed.NONE);
        String broken = ARTICLE.replace("\"slides\": [", "\"slides\": \"one\", \"x\": [");

        Input.Parsed bad = read(1, broken);
        // for now: nobody asks yet whether it binds
        assertThat(stem(names.assign(bad))).isEqualTo("story");
        assertThat(bad.node().isBound()).isFalse();
        assertThat(stem(names.assign(read(2, ARTICLE)))).as("the first article that binds").isEqualTo("story");
        assertThat(bad.node().isBound()).isFalse(); // tried, and failed

        // A broken article with a taken id is rejected for what it is, not as a
        // duplicate.
        Input.Parsed badAgain = read(3, broken);
        assertThat(names.assign(badAgain)).isEqualTo(badAgain.checked())
            .isInstanceOfSatisfying(Input.Rejected.class,
                    r -> assertThat(r.reason()).startsWith("not a valid article: "));
        assertThat(names.assign(read(4, ARTICLE))).isInstanceOfSatisfying(Input.Rejected.class,
                r -> assertThat(r.reason()).startsWith("duplicate id: the article at a.json #2 has the same id"));

        // By title: no "--2" for the second article when the first does not bind.
        assertThat(stem(names.assign(read(5, "{\"title\": \"Same Title\", \"intro\": {\"not\": \"text\"}}"))))
            .isEqualTo("same-title");
        assertThat(stem(names.assign(read(6, "{\"title\": \"Same Title\"}")))).isEqualTo("same-title");
        assertThat(stem(names.assign(read(7, "{\"title\": \"Same Title!\"}")))).isEqualTo("same-title--2");
    }

    @Test
    void namingBindsNothingWhenNamesDoNotCompete() {
        OutputNames names = new OutputNames(OutputNames.Committed.NONE);
        List<Input.Parsed> articles = List.of(read(1, ARTICLE), read(2, ARTICLE.replace("story", "other")),
                read(3, "{\"title\": \"No Id\"}"), read(4, "{\"id\": 42, \"title\": \"A Number\"}"));
        assertThat(articles.stream().map(names::assign).map(LazyBindingTest::stem)).containsExactly("story", "other",
                "no-id", "42");
        assertThat(articles).noneMatch(a -> a.node().isBound());
    }

    private static String stem(Input input) {
        return ((Input.Parsed) input).stem();
    }

}
