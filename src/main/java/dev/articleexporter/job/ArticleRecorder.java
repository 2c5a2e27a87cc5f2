package dev.articleexporter.job;

import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.input.Input;
import dev.articleexporter.pipeline.Exported;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records each article of a chunk (exported or unchanged) and its warnings, in the
 * chunk's transaction. The files themselves were put in place by the processor (why
 * there: {@link ExportProcessor}). The folder itself is prepared once per run, before the
 * partitions start ({@link OutputFolderPreparation}).
 */
public class ArticleRecorder implements ItemWriter<Exported>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ArticleRecorder.class);

    private final Path folder;

    private final RunProblems problems;

    private final RunArticles articles;

    private final long jobExecutionId;

    private final long jobInstanceId;

    public ArticleRecorder(Path folder, RunProblems problems, RunArticles articles, long jobExecutionId,
            long jobInstanceId) {
        this.folder = folder;
        this.problems = problems;
        this.articles = articles;
        this.jobExecutionId = jobExecutionId;
        this.jobInstanceId = jobInstanceId;
    }

    private StepExecution step;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
    }

    @Override
    public void write(Chunk<? extends Exported> chunk) {
        articles.recordAll(jobExecutionId, jobInstanceId, folder,
                chunk.getItems().stream().filter(e -> e.skipped() == null).map(Exported::article).toList());
        for (Exported exported : chunk) {
            if (exported.skipped() != null) {
                skipped(exported.skipped());
            }
        }
        for (Exported exported : chunk) {
            for (String warning : exported.warnings()) {
                Problem problem = new Problem(Problem.Kind.WARNING, exported.origin().toString(), exported.name(),
                        warning);
                log.warn("Warning: {}", problem);
                problems.record(jobExecutionId, problem);
            }
        }
    }

    /**
     * Files passed over unread: one row for them all, and their articles counted as read
     * and written (unchanged) by the partition, as an article found unchanged one by one
     * is; the item itself counted one of each already.
     */
    private void skipped(Input.Unchanged files) {
        articles.recordSkipped(jobExecutionId, jobInstanceId, files.origin().file(), files.lastFile(), files.files(),
                files.articles());
        if (step != null) {
            step.setReadCount(step.getReadCount() + files.articles() - 1);
            step.setWriteCount(step.getWriteCount() + files.articles() - 1);
        }
    }

}
