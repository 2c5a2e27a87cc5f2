package dev.articleexporter.batch;

import dev.articleexporter.article.Input;
import dev.articleexporter.digest.FileNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each article of a run its own output name, in input order (file names sorted, then
 * array order): the first article with an id is exported; a later one with the same id is
 * rejected, naming both places; two different articles whose names clean up alike get
 * {@code -2}, {@code -3} suffixes. Names are compared ignoring case, as macOS and Windows do.
 *
 * <p>Only the names of the chunk being read are held in memory; what earlier chunks (and
 * earlier executions of a restarted run) recorded is asked of {@link Committed}, so memory
 * stays flat however many articles a run has. Not thread-safe: the reader, which is
 * sequential, asks it.
 */
final class OutputNames {

    /** What committed chunks of this run recorded (the {@code EXPORTED_ARTICLE} table). */
    interface Committed {

        /** Nothing committed: everything is held in memory (validate). */
        Committed NONE = new Committed() {
            @Override
            public Optional<String> originOfId(String articleId) {
                return Optional.empty();
            }

            @Override
            public boolean nameTaken(String stem) {
                return false;
            }
        };

        Optional<String> originOfId(String articleId);

        boolean nameTaken(String stem);
    }

    private final Committed committed;
    private final Set<String> names = new HashSet<>();
    private final Map<String, String> originById = new HashMap<>();

    OutputNames(Committed committed) {
        this.committed = committed;
    }

    /** The current chunk is committed: its names are now in the table and need not be held. */
    void forgetCommitted() {
        if (committed != Committed.NONE) {
            names.clear();
            originById.clear();
        }
    }

    /** The article with its name, or its rejection as a duplicate; inputs without a usable name pass as they are. */
    Input assign(Input.Parsed parsed) {
        String id = parsed.article().id() == null || parsed.article().id().isBlank() ? null : parsed.article().id().strip();
        String origin = parsed.origin().toString();
        if (id != null) {
            String first = originById.get(id);
            if (first == null) {
                first = committed.originOfId(id).orElse(null);
            }
            if (first == null) {
                originById.put(id, origin);
            } else {
                return new Input.Rejected(parsed.origin(), id, "duplicate id: the article at " + first
                        + " has the same id; only the first one is exported");
            }
        }
        String stem = FileNames.stem(id, parsed.article().title());
        if (stem == null) {
            return parsed; // no title either: the digest step rejects it with the reason
        }
        String name = stem;
        for (int n = 2; names.contains(name.toLowerCase(Locale.ROOT)) || committed.nameTaken(name); n++) {
            name = stem + "-" + n;
        }
        names.add(name.toLowerCase(Locale.ROOT));
        return parsed.withStem(name);
    }
}
