package dev.articleexporter.pipeline;

import dev.articleexporter.input.Input;
import dev.articleexporter.model.FileNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each article of a run its own output name, in input order (file names sorted,
 * then array order): the first article with an id is exported; a later one with the same
 * id is rejected, naming both places; two different articles whose names clean up alike
 * get {@code --2}, {@code --3} suffixes. Names are compared ignoring case, as macOS and
 * Windows do.
 *
 * <p>
 * Safe names never hold two dashes in a row ({@link FileNames}), so a suffixed name
 * cannot be another article's own name: only articles with the same name compete for its
 * suffixes, which is what lets a run be partitioned by name (the export job's
 * {@code Partition}).
 *
 * <p>
 * Names are given before articles are bound
 * ({@link dev.articleexporter.input.ArticleNode}), but an input that does not bind was
 * always rejected before it was named, so it must neither hold a name nor be called a
 * duplicate: when another article competes for its name, or it for another's, it is bound
 * then to find out. That is rare, so unchanged articles stay unbound.
 *
 * <p>
 * Only the names of the chunk being read are held in memory; what earlier chunks (and
 * earlier executions of a restarted run) recorded is asked of {@link Committed}, so
 * memory stays flat however many articles a run has. Not thread-safe: one pipeline, which
 * meets its articles in input order, asks it.
 */
public final class OutputNames {

    /**
     * Who holds a name: the article's id ({@code null} when it had none) and where it was
     * read.
     */
    public record Holder(String articleId, String origin) {
    }

    /**
     * What committed chunks of this run recorded (the {@code EXPORTED_ARTICLE} table).
     */
    public interface Committed {

        /** Nothing committed: everything is held in memory (validate). */
        Committed NONE = name -> Optional.empty();

        /** Who holds {@code name} (compared ignoring case), if anyone. */
        Optional<Holder> holder(String name);

    }

    /** Between a name and its number; never in a name of its own. */
    static final String SUFFIX = "--";

    /**
     * A name taken in the current chunk; {@code unbound} is its article while nobody
     * knows yet whether it binds.
     */
    private record Claim(Holder holder, Input.Parsed unbound) {

        boolean binds() {
            return unbound == null || unbound.node().binds();
        }
    }

    private final Committed committed;

    private final Map<String, Claim> names = new HashMap<>();

    OutputNames(Committed committed) {
        this.committed = committed;
    }

    /**
     * The current chunk is committed: its names are now in the table and need not be
     * held.
     */
    void forgetCommitted() {
        if (committed != Committed.NONE) {
            names.clear();
        }
    }

    /**
     * The article with its name, or its rejection as a duplicate; inputs without a usable
     * name pass as they are. An id always gives the same base name, so one look-up per
     * candidate name finds both a duplicate id and a name another article holds.
     */
    Input assign(Input.Parsed parsed) {
        String id = parsed.node().id() == null || parsed.node().id().isBlank() ? null : parsed.node().id().strip();
        String stem = FileNames.stem(id, parsed.node().title());
        if (stem == null) {
            return parsed; // no title either: the story maker rejects it with the reason
        }
        for (int n = 1;; n++) {
            String name = n == 1 ? stem : stem + SUFFIX + n;
            String key = name.toLowerCase(Locale.ROOT);
            Claim claim = names.get(key);
            Holder holder = claim != null ? claim.holder() : committed.holder(name).orElse(null);
            if (holder == null || (claim != null && !claim.binds())) {
                names.put(key,
                        new Claim(new Holder(id, parsed.origin().toString()), parsed.node().isBound() ? null : parsed));
                return parsed.withStem(name);
            }
            if (id != null && id.equals(holder.articleId())) {
                return parsed.node().binds() ? new Input.Rejected(parsed.origin(), id, "duplicate id: the article at "
                        + holder.origin() + " has the same id; only the first one is exported") : parsed.checked();
            }
        }
    }

}
