package dev.articleexporter.batch;

import dev.articleexporter.article.Share;
import dev.articleexporter.article.XmlCharacters;
import dev.articleexporter.digest.FileNames;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One of {@code count} partitions of a run, and the articles it owns: those whose output name
 * falls in its share.
 *
 * <p>An article's partition is decided by its base name: the output name it would get, lower
 * case, without trailing {@code -<digits>} groups. Articles that could compete for a name (the
 * same id, ids that differ only in case, {@code a} and {@code a-2}) therefore always meet in the
 * same partition, which reads in input order: "the first one wins" and the {@code -2} suffixes
 * come out exactly as in a run that is not partitioned, on any number of threads or machines.
 * Problems of a file as a whole go to the partition its name falls in, so each is reported once.
 *
 * @param index 0-based
 */
public record Partition(int index, int count) implements Share {

    private static final Pattern NUMBERED = Pattern.compile("(-[0-9]+)+$");

    public Partition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("partition " + index + " of " + count);
        }
    }

    @Override
    public boolean ownsArticle(String fileName, JsonNode article) {
        String stem = FileNames.stem(text(article, "id"), text(article, "title"));
        return stem == null ? ownsFileProblems(fileName) : owns(baseName(stem));
    }

    @Override
    public boolean ownsFileProblems(String fileName) {
        return owns(fileName);
    }

    /** The name all names an article might get reduce to: lower case, no trailing numbers. */
    static String baseName(String stem) {
        return NUMBERED.matcher(stem.toLowerCase(Locale.ROOT)).replaceFirst("");
    }

    private boolean owns(String key) {
        return count == 1 || Math.floorMod(key.hashCode(), count) == index;
    }

    /** A string field as the reader will see it: without the characters XML cannot hold. */
    private static String text(JsonNode article, String field) {
        JsonNode value = article.get(field);
        // Scalars become strings when the article is read (an id of 7 is "7"), so they count here too.
        return value != null && value.isValueNode() && !value.isNull() ? XmlCharacters.cleaned(value.asString()) : null;
    }
}
