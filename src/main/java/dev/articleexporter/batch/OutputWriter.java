package dev.articleexporter.batch;

import dev.articleexporter.batch.Exported.RenderedFile;
import dev.articleexporter.runs.Problem;
import dev.articleexporter.runs.RunArticles;
import dev.articleexporter.runs.RunProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Puts rendered files into the output folder so that a reader of the folder never sees half a
 * file: each is written under a temporary name beside its target and renamed over it
 * atomically. Temporary files a killed run left behind are removed when the next run opens.
 */
public class OutputWriter implements ItemStreamWriter<Exported> {

    static final String TEMP_PREFIX = ".article-exporter-";
    static final String TEMP_SUFFIX = ".part";
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
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                log.info("Removed {} left by an interrupted run", leftover.getFileName());
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

    private void place(RenderedFile file) throws IOException {
        Path target = folder.resolve(file.name()).normalize();
        if (!folder.equals(target.getParent())) {
            // File names come from FileNames, which cannot produce this; refuse rather than trust.
            throw new OutputWriteException("refusing to write outside the output folder: " + file.name(), null);
        }
        // Not Files.createTempFile: its 0600 mode would make exports unreadable to the web server or editors' group.
        Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.write(temp, file.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new OutputWriteException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
