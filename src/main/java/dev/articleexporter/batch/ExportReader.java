package dev.articleexporter.batch;

import dev.articleexporter.article.ArticleReader;
import dev.articleexporter.article.Input;
import dev.articleexporter.runs.ExportedArticle;
import dev.articleexporter.runs.RunArticles;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The export step's reader: every article of the input folder in order, each with the output
 * name it gets in this run, duplicates rejected. After a restart, names the earlier executions
 * of the same run exported stay taken.
 */
public class ExportReader implements ItemStreamReader<Input> {

    private final ArticleReader articles;
    private final RunArticles exported;
    private final long jobInstanceId;
    private final OutputNames names = new OutputNames();

    public ExportReader(Path input, RunArticles exported, long jobInstanceId) {
        this.articles = new ArticleReader(input);
        this.exported = exported;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void open(ExecutionContext context) {
        for (ExportedArticle done : exported.ofInstance(jobInstanceId)) {
            names.taken(done.articleId(), done.fileStem(), done.origin());
        }
        articles.open(context);
    }

    @Override
    public Input read() {
        Input next = articles.read();
        return next instanceof Input.Parsed parsed ? names.assign(parsed) : next;
    }

    @Override
    public void update(ExecutionContext context) {
        articles.update(context);
    }

    @Override
    public void close() {
        articles.close();
    }
}
