package dev.articleexporter.job;

import dev.articleexporter.input.ArticleReader;
import dev.articleexporter.input.FileSkip;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Share;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The export step's reader: every article of the input folder in its partition's share,
 * in order ({@link ArticleReader}). Its position is saved with each chunk, so a restarted
 * run goes on where the failed one stopped.
 */
public class ExportReader implements ItemStreamReader<Input> {

    // The keys of runs recorded before, too: a run of an older release resumes where it
    // stopped.
    private static final String FILE_KEY = "reader.file";

    private static final String POSITION_KEY = "reader.position";

    private final ArticleReader articles;

    private final FileSkip skip;

    /**
     * @param share the articles of this reader's partition (see {@link Partition})
     */
    public ExportReader(Path input, Share share) {
        this(input, share, FileSkip.NONE);
    }

    /**
     * @param skip passes over files unchanged since their last complete export
     * ({@link UnchangedInputs}), and records what was found in the files read
     */
    public ExportReader(Path input, Share share, FileSkip skip) {
        this.skip = skip;
        this.articles = new ArticleReader(input, share, skip);
    }

    @Override
    public void open(ExecutionContext context) {
        articles.open(new ArticleReader.Position(context.getString(FILE_KEY, ""), context.getInt(POSITION_KEY, 0)));
    }

    @Override
    public Input read() {
        return articles.read();
    }

    /**
     * Called as each chunk commits, with the writer's records in the same transaction.
     */
    @Override
    public void update(ExecutionContext context) {
        ArticleReader.Position position = articles.position();
        context.putString(FILE_KEY, position.file());
        context.putInt(POSITION_KEY, position.article());
        skip.save();
    }

    @Override
    public void close() {
        articles.close();
    }

}
