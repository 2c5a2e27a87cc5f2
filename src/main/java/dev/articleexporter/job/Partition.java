package dev.articleexporter.job;

import dev.articleexporter.input.ArticleNode;
import dev.articleexporter.input.Share;
import dev.articleexporter.model.FileNames;
import java.util.Locale;

/**
 * One of {@code count} partitions of a run, and the articles it owns: those whose output name
 * falls in its share.
 *
 * <p>An article's partition is decided by its name: the output name it would get before any
 * {@code --2} suffix, in lower case. Articles that could compete for a name (the same id, ids
 * that differ only in case, titles with the same slug) have the same one, and suffixed names are
 * never an article's own name ({@link OutputNames}), so competitors always meet in one partition,
 * which reads in input order: "the first one wins" and the suffixes come out exactly as in a run
 * that is not partitioned, on any number of threads or machines.
 * Problems of a file as a whole go to the partition its name falls in, so each is reported once.
 *
 * @param index 0-based
 */
public record Partition(int index, int count) implements Share {

    public Partition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("partition " + index + " of " + count);
        }
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
