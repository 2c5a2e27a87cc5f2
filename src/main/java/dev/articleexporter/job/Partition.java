package dev.articleexporter.job;

import dev.articleexporter.input.ArticleNode;
import dev.articleexporter.input.Share;
import dev.articleexporter.model.FileNames;
import java.util.Locale;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One of {@code count} partitions of a run, and the articles it owns: those whose output
 * name falls in its share.
 *
 * <p>
 * An article's partition is decided by its name: the output name it would get before any
 * {@code --2} suffix, in lower case. Articles that could compete for a name (the same id,
 * ids that differ only in case, titles with the same slug) have the same one, and
 * suffixed names are never an article's own name ({@link OutputNames}), so competitors
 * always meet in one partition, which reads in input order: "the first one wins" and the
 * suffixes come out exactly as in a run that is not partitioned, on any number of threads
 * or machines. Problems of a file as a whole go to the partition its name falls in, so
 * each is reported once.
 *
 * @param index 0-based
 */
public record Partition(int index, int count) implements Share {

    private static final String INDEX = "partition.index";

    private static final String COUNT = "partition.count";

    public Partition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("partition " + index + " of " + count);
        }
    }

    /**
     * The partition a worker's step execution was given by the manager
     * ({@link #context()}).
     */
    static Partition of(ExecutionContext context) {
        return new Partition(context.getInt(INDEX), context.getInt(COUNT));
    }

    /**
     * What the manager gives the partition's step execution: kept in the history, so a
     * restart keeps its partitions.
     */
    ExecutionContext context() {
        ExecutionContext context = new ExecutionContext();
        context.putInt(INDEX, index);
        context.putInt(COUNT, count);
        return context;
    }

    @Override
    public boolean ownsArticle(String fileName, ArticleNode article) {
        String stem = FileNames.stem(article.id(), article.title());
        return stem == null ? ownsFileProblems(fileName) : owns(stem.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean ownsFileProblems(String fileName) {
        return owns(fileName);
    }

    private boolean owns(String key) {
        return count == 1 || Math.floorMod(key.hashCode(), count) == index;
    }
}
