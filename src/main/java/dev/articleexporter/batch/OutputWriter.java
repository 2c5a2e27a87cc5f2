package dev.articleexporter.batch;

import dev.articleexporter.batch.Exported.RenderedFile;
import dev.articleexporter.runs.Problem;
import dev.articleexporter.runs.RunArticles;
import dev.articleexporter.runs.RunProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Puts rendered files into the output folder so that a reader of the folder never sees half a
 * file: the render threads wrote each under a temporary name beside its target
 * ({@link StagedFiles}); this renames it over the target atomically and records the article.
 * Temporary files a killed run left behind are removed when the next run opens.
 */
public class OutputWriter implements ItemStreamWriter<Exported> {

    private static final Logger log = LoggerFactory.getLogger(OutputWriter.class);

    private final Path folder;
    private final RunProblems problems;
    private final RunArticles articles;
    private final long jobExecutionId;
    private final long jobInstanceId;

    public OutputWriter(Path folder, RunProblems problems, RunArticles articles, long jobExecutionId, long jobInstanceId) {
        this.folder = folder;
        this.problems = problems;
        this.articles = articles;
        this.jobExecutionId = jobExecutionId;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(new OutputWriteException("cannot create output folder " + folder + ": " + e.getMessage(), e));
        }
        try {
            int removed = StagedFiles.removeLeftovers(folder);
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run", removed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new OutputWriteException("cannot clean output folder " + folder + ": " + e.getMessage(), e));
        }
    }

    @Override
    public void write(Chunk<? extends Exported> chunk) throws IOException {
        for (Exported exported : chunk) {
            for (RenderedFile file : exported.files()) {
                place(file);
            }
            articles.record(jobExecutionId, jobInstanceId, exported.article());
            for (String warning : exported.warnings()) {
                Problem problem = new Problem(Problem.Kind.WARNING, exported.origin().toString(), exported.name(), warning);
                log.warn("Warning: {}", problem);
                problems.record(jobExecutionId, problem);
            }
        }
    }

    /** Renames the file the render thread wrote over its target, atomically where the file system can. */
    private void place(RenderedFile file) throws IOException {
        Path target = folder.resolve(file.name()).normalize();
        if (!folder.equals(target.getParent()) || file.staged() == null || !folder.equals(file.staged().getParent())) {
            // File names come from FileNames, which cannot produce this; refuse rather than trust.
            throw new OutputWriteException("refusing to write outside the output folder: " + file.name(), null);
        }
        try {
            try {
                Files.move(file.staged(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file.staged(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file.staged());
            throw new OutputWriteException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
