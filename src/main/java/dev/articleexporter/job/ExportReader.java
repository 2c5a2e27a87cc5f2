package dev.articleexporter.job;

import dev.articleexporter.input.ArticleReader;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Share;
import dev.articleexporter.history.RunArticles;
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
    private final OutputNames names;

    /** @param share the articles of this reader's partition (see {@link Partition}) */
    public ExportReader(Path input, Share share, RunArticles exported, long jobInstanceId) {
        this.articles = new ArticleReader(input, share);
        this.names = new OutputNames(name -> exported.holder(jobInstanceId, name)
                .map(h -> new OutputNames.Holder(h.articleId(), h.origin())));
    }

    @Override
    public void open(ExecutionContext context) {
        articles.open(context);
    }

    @Override
    public Input read() {
        Input next = articles.read();
        return next instanceof Input.Parsed parsed ? names.assign(parsed) : next;
    }

    /** Called as each chunk commits, with the writer's records in the same transaction. */
    @Override
    public void update(ExecutionContext context) {
        articles.update(context);
        names.forgetCommitted();
    }

    @Override
    public void close() {
        articles.close();
    }
}
