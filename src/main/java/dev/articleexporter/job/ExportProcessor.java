package dev.articleexporter.job;

import dev.articleexporter.input.Input;
import dev.articleexporter.pipeline.ArticlePipeline;
import dev.articleexporter.pipeline.Exported;
import dev.articleexporter.pipeline.Exported.RenderedFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The export step's processor: each article through the {@link ArticlePipeline} on its
 * partition's thread, then its finished files renamed into place at once
 * ({@link StagedFiles}: whole files only). Rejected inputs are recorded by the pipeline
 * and filtered out (returning {@code null}), so the step's filter count is the run's
 * rejected count.
 *
 * <p>
 * Why here and not in the writer: placing in the writer shows nothing until a partition's
 * first chunk (20 articles) is rendered. Measured (200 sample articles,
 * {@code --threads 2}, 2 cores, cold JVM, 3 runs each at load 1-2.6): from the first
 * temporary file to the first PDF in the folder, 1.13-1.32 s when the writer placed,
 * 0.19-0.27 s here, so the first file came about 1 s later; the whole run took as long
 * either way (9.3-11.3 s against 10.1-10.6 s). Either way a file is whole or absent, and
 * is recorded only after it is in place; a crash before the chunk commits leaves files
 * that the restart renders and replaces again.
 */
public class ExportProcessor implements ItemProcessor<Input, Exported>, ItemStream {

    private final ArticlePipeline pipeline;

    private final Path folder;

    /**
     * @param folder the output folder, where the pipeline's sink left the finished files
     * ({@link StagedFileSink})
     */
    public ExportProcessor(ArticlePipeline pipeline, Path folder) {
        this.pipeline = pipeline;
        this.folder = folder;
    }

    @Override
    public Exported process(Input input) {
        Exported exported = pipeline.process(input);
        if (exported != null) {
            place(folder, exported);
        }
        return exported;
    }

    /**
     * Called as each chunk commits: the names it took are in the history now, and need
     * not be held.
     */
    @Override
    public void update(ExecutionContext context) {
        pipeline.committed();
    }

    /**
     * Renames an article's finished files into {@code folder}, so they appear as soon as
     * they are ready.
     * @throws UncheckedIOException wrapping an {@link OutputWriteException} naming the
     * file that could not be placed; the article's other files are removed, and the run
     * stops
     */
    static void place(Path folder, Exported exported) {
        for (RenderedFile file : exported.files()) {
            try {
                StagedFiles.place(folder, file.staged(), file.name());
            }
            catch (OutputWriteException e) {
                exported.discardFiles();
                throw new UncheckedIOException(e);
            }
        }
    }

}
