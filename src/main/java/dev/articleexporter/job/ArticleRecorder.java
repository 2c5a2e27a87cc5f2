package dev.articleexporter.job;

import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.pipeline.Exported;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records each article of a chunk (exported or unchanged) and its warnings, in the
 * chunk's transaction. The files themselves were put in place by the processor (why
 * there: {@link ExportProcessor}). The folder itself is prepared once per run, before the
 * partitions start ({@link OutputFolderPreparation}).
 */
public class ArticleRecorder implements ItemWriter<Exported> {

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

    @Override
    public void write(Chunk<? extends Exported> chunk) {
        articles.recordAll(jobExecutionId, jobInstanceId, folder,
                chunk.getItems().stream().map(Exported::article).toList());
        for (Exported exported : chunk) {
            for (String warning : exported.warnings()) {
                Problem problem = new Problem(Problem.Kind.WARNING, exported.origin().toString(), exported.name(),
                        warning);
                log.warn("Warning: {}", problem);
                problems.record(jobExecutionId, problem);
            }
        }
    }

}
