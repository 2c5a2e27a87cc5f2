package dev.articleexporter.batch;

import dev.articleexporter.article.Input;
import dev.articleexporter.digest.FileNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each article of a run its own output name, in input order (file names sorted, then
 * array order): the first article with an id is exported; a later one with the same id is
 * rejected, naming both places; two different articles whose names clean up alike get
 * {@code -2}, {@code -3} suffixes. Names are compared ignoring case, as macOS and Windows do.
 * Not thread-safe: the reader, which is sequential, asks it.
 */
final class OutputNames {

    /** Who holds a name: the article's id (or {@code null}) and where it was read. */
    private record Holder(String articleId, String origin) {
    }

    private final Map<String, Holder> byName = new HashMap<>();
    private final Map<String, String> originById = new HashMap<>();

    /** Marks a name taken by an article an earlier execution of this run exported. */
    void taken(String articleId, String stem, String origin) {
        byName.put(stem.toLowerCase(Locale.ROOT), new Holder(articleId, origin));
        if (articleId != null) {
            originById.putIfAbsent(articleId, origin);
        }
    }

    /** The article with its name, or its rejection as a duplicate; inputs without a usable name pass as they are. */
    Input assign(Input.Parsed parsed) {
        String id = parsed.article().id() == null || parsed.article().id().isBlank() ? null : parsed.article().id().strip();
        String origin = parsed.origin().toString();
        if (id != null) {
            String first = originById.putIfAbsent(id, origin);
            if (first != null) {
                return new Input.Rejected(parsed.origin(), id, "duplicate id: the article at " + first
                        + " has the same id; only the first one is exported");
            }
        }
        String stem = FileNames.stem(id, parsed.article().title());
        if (stem == null) {
            return parsed; // no title either: the digest step rejects it with the reason
        }
        String name = stem;
        for (int n = 2; byName.putIfAbsent(name.toLowerCase(Locale.ROOT), new Holder(id, origin)) != null; n++) {
            name = stem + "-" + n;
        }
        return parsed.withStem(name);
    }
}
