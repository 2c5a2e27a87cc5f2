package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
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
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.pipeline.ArticlePipeline;
import dev.articleexporter.pipeline.Exported;
import dev.articleexporter.pipeline.Exported.RenderedFile;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Files appear whole or not at all: a full disk stops the run naming the file; a broken
 * renderer rejects one article; a re-export replaces a file in one step.
 */
class ArticleRecorderTest {

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The export step's processor: the pipeline, rendering into the folder, and the files
     * put in place.
     */
    private static ExportProcessor processor(Path folder, Renderer renderer, List<Problem> problems) {
        Format format = new Format("fake", "pdf", "application/pdf", "1", renderer);
        ArticlePipeline.Options options = new ArticlePipeline.Options(List.of(format), RelatedMode.KEEP, true, "test",
                null);
        return new ExportProcessor(new ArticlePipeline(options, new StoryMaker(List.of(), new ImageLoader(1600)),
                problems::add, ArticlePipeline.Memory.NONE, new StagedFileSink(folder)), folder);
    }

    private static Input.Parsed article(String id) {
        Article article = new Article(id, "Title " + id, null, null, null, null, null, null, null, List.of("Intro."),
                null, null);
        return new Input.Parsed(new Origin("in.json", 1), Path.of("."), article, List.of(), id);
    }

    private static ArticleRenderer writing(int bytes) {
        return (digest, out, warnings) -> out.write(new byte[bytes]);
    }

    @Test
    void aFullDiskStopsTheRunNamingTheFileAndLeavesNoPartialFile() throws Exception {
        try (FileSystem disk = Jimfs
            .newFileSystem(Configuration.unix().toBuilder().setMaxSize(256 * 1024).setBlockSize(4096).build())) {
            Path folder = Files.createDirectories(disk.getPath("/srv/exports"));
            List<Problem> problems = new ArrayList<>();
            processor(folder, writing(100_000), problems).process(article("first"));

            assertThatThrownBy(() -> processor(folder, writing(400_000), problems).process(article("second")))
                .isInstanceOf(UncheckedIOException.class)
                .cause()
                .isInstanceOf(OutputWriteException.class)
                .hasMessageStartingWith("cannot write /srv/exports/second.pdf: ");

            // nothing of the second article, not even its cover
            assertThat(names(folder)).containsExactly("first.cover.jpg", "first.pdf", "first.thumb.jpg");
            assertThat(Files.size(folder.resolve("first.pdf"))).isEqualTo(100_000);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aRendererThatFailsRejectsTheArticleAndLeavesNothing() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path folder = Files.createDirectories(disk.getPath("/out"));
            List<Problem> problems = new ArrayList<>();
            ArticleRenderer broken = (digest, out, warnings) -> {
                out.write(new byte[1000]);
                throw new IllegalStateException("table too wide");
            };
            assertThat(processor(folder, broken, problems).process(article("odd"))).isNull();
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Problem.Kind.REJECTED);
                assertThat(p.message())
                    .isEqualTo("could not be rendered as fake: java.lang.IllegalStateException: table too wide");
            });
            assertThat(names(folder)).isEmpty();
        }
    }

    @Test
    void aRenderedArticleReplacesLastNightsFileWhole() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path folder = Files.createDirectories(disk.getPath("/out"));
            Files.writeString(folder.resolve("story.pdf"), "last night's version");
            ArticleRenderer tonight = (digest, out, warnings) -> out
                .write("tonight's version".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Exported exported = processor(folder, tonight, new ArrayList<>()).process(article("story"));
            assertThat(exported.files()).extracting(RenderedFile::name)
                .containsExactly("story.pdf", "story.cover.jpg", "story.thumb.jpg");
            assertThat(names(folder)).containsExactly("story.cover.jpg", "story.pdf", "story.thumb.jpg");
            assertThat(Files.readString(folder.resolve("story.pdf"))).isEqualTo("tonight's version");
        }
    }

    @Test
    void aFileThatCannotBePlacedStopsTheRunNamingItAndLeavesNoTemporaryFile() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path folder = Files.createDirectories(disk.getPath("/out"));
            // a folder in the way
            Files.createDirectories(folder.resolve("first.pdf/taken"));
            List<Problem> problems = new ArrayList<>();

            assertThatThrownBy(() -> processor(folder, writing(1000), problems).process(article("first")))
                .isInstanceOf(UncheckedIOException.class)
                .cause()
                .isInstanceOf(OutputWriteException.class)
                .hasMessageStartingWith("cannot write /out/first.pdf: ");
            // its covers, placed after its files, are not placed either
            assertThat(names(folder)).containsExactly("first.pdf");
            assertThat(Files.isDirectory(folder.resolve("first.pdf/taken"))).isTrue();
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void leftoversOfAKilledRunAreRemovedBeforeTheNextStarts() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path folder = Files.createDirectories(disk.getPath("/out"));
            Files.writeString(folder.resolve(".article-exporter-1234.part"), "half");
            Files.writeString(folder.resolve("keep.pdf"), "a finished file");
            OutputFolderPreparation.prepare(folder, List.of(".pdf"));
            assertThat(names(folder)).containsExactly("keep.pdf");
        }
    }

}
