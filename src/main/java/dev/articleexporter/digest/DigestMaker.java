package dev.articleexporter.digest;

import dev.articleexporter.model.Digest;

import dev.articleexporter.input.ArticleFile;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.rules.InvalidArticleException;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts an edition together from the articles a run rendered, as the run history records them: each
 * article is read again from its input file and position, checked against the fingerprint recorded
 * when it was exported, and digested with the same rules as the export when the edition is written.
 * An article whose input changed or vanished since is left out with a warning: the edition never
 * shows text its own files do not have.
 *
 * <p>Each input file is read once, in order, however many of its articles are wanted; only the
 * wanted articles' text is kept (the caller caps how many), and their pictures are loaded only
 * while each one is written.
 */
@Component
public class DigestMaker {

    /** The part of the articles without a section, unless a real section has that name. */
    public static final String NO_SECTION = "More";
    static final String NO_SECTION_ALTERNATIVE = "Other articles";

    private static final Logger log = LoggerFactory.getLogger(DigestMaker.class);

    private final StoryMaker digests;

    public DigestMaker(StoryMaker digests) {
        this.digests = digests;
    }

    /**
     * What to read the articles with: the run's settings.
     *
     * @param folder      the run's input folder; the articles' origins are relative to it
     * @param related     the run's {@code --related}, for the digests
     * @param contentHash the fingerprint the export recorded for an article (with its output name set),
     *                    to tell whether its input is still what was exported
     * @param skipped     told of each article left out, and why
     */
    public record Inputs(Path folder, RelatedMode related, Function<Input.Parsed, String> contentHash,
                         Consumer<Problem> skipped) {
    }

    /**
     * @param rendered the articles to include, as recorded by the run (any order)
     * @param leftOut  how many more the run rendered, not offered because of {@code limit}
     * @return the edition; it has no articles when none could be read again
     */
    public Digest make(String fileStem, LocalDate date, List<ArticleRecord> rendered, int leftOut, int limit,
                        Inputs inputs) {
        Map<ArticleRecord, Input.Parsed> found = read(rendered, inputs);
        List<ArticleRecord> kept = new ArrayList<>(found.keySet());
        kept.sort(editionOrder());

        String noSection = kept.stream().anyMatch(a -> NO_SECTION.equalsIgnoreCase(a.section()))
                ? NO_SECTION_ALTERNATIVE : NO_SECTION;
        Map<String, List<Digest.Entry>> groups = new LinkedHashMap<>();
        int number = 0;
        for (ArticleRecord article : kept) {
            Input.Parsed input = found.get(article);
            Digest.Entry entry = new Digest.Entry(++number, article.fileStem(), article.title(), article.section(),
                    article.language(), () -> digest(input, article.fileStem(), inputs.related()));
            groups.computeIfAbsent(article.section() == null ? noSection : article.section(), s -> new ArrayList<>()).add(entry);
        }
        List<Digest.Section> parts = new ArrayList<>(groups.size());
        groups.forEach((name, entries) -> parts.add(new Digest.Section(parts.size() + 1, name, entries)));
        return new Digest(fileStem, Digest.title(date), date, language(kept), parts, leftOut, limit);
    }

    private dev.articleexporter.model.Story digest(Input.Parsed input, String fileStem, RelatedMode related) {
        try {
            // Warnings were reported when the article was exported; the same rules give the same ones.
            return digests.make(input.article(), input.folder(), fileStem, related, new Warnings());
        } catch (InvalidArticleException e) {
            // Not reachable while the fingerprint matches: the same input and rules made it before.
            throw new IllegalStateException(input.origin() + " (" + fileStem + ") can no longer be digested: " + e.getMessage(), e);
        }
    }

    /** Sections by name (the group without one last), then titles, as a reader looks them up. */
    private static Comparator<ArticleRecord> editionOrder() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        Comparator<String> text = (a, b) -> {
            int c = collator.compare(a, b);
            return c != 0 ? c : a.compareTo(b);
        };
        return Comparator.comparing(ArticleRecord::section, Comparator.nullsLast(text))
                .thenComparing(ArticleRecord::title, text)
                .thenComparing(ArticleRecord::fileStem);
    }

    /** The language most of the articles are in; the first of them in edition order when tied. */
    private static String language(List<ArticleRecord> articles) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ArticleRecord a : articles) {
            counts.merge(a.language() == null ? "en" : a.language(), 1, Integer::sum);
        }
        String best = "en";
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** Each wanted article's input, read again file by file; those that cannot be are reported and left out. */
    private Map<ArticleRecord, Input.Parsed> read(List<ArticleRecord> rendered, Inputs inputs) {
        Map<String, Map<Integer, ArticleRecord>> byFile = new TreeMap<>();
        for (ArticleRecord article : rendered) {
            Origin origin = Origin.parse(article.origin());
            byFile.computeIfAbsent(origin.file(), f -> new HashMap<>()).put(origin.position(), article);
        }
        Map<ArticleRecord, Input.Parsed> found = new IdentityHashMap<>();
        Path folder = inputs.folder().toAbsolutePath().normalize();
        for (Map.Entry<String, Map<Integer, ArticleRecord>> file : byFile.entrySet()) {
            Map<Integer, ArticleRecord> wanted = file.getValue();
            Path path = inside(folder, file.getKey());
            if (path == null || !Files.isRegularFile(path)) {
                wanted.values().forEach(a -> skip(inputs, a, "its input file is no longer there"));
                continue;
            }
            try (ArticleFile articles = new ArticleFile(path, file.getKey())) {
                for (Input input = articles.next(); input != null && !wanted.isEmpty(); input = articles.next()) {
                    ArticleRecord article = wanted.remove(input.origin().position());
                    if (article == null) {
                        continue;
                    }
                    if (input instanceof Input.Parsed parsed && unchanged(parsed.withStem(article.fileStem()), article, inputs)) {
                        found.put(article, parsed);
                    } else {
                        skip(inputs, article, "its input changed since it was exported");
                    }
                }
            }
            wanted.values().forEach(a -> skip(inputs, a, "its input changed since it was exported (it is no longer at "
                    + a.origin() + ")"));
        }
        return found;
    }

    private static boolean unchanged(Input.Parsed parsed, ArticleRecord article, Inputs inputs) {
        // Rows without a fingerprint predate it: nothing to compare, so trust the input if it is an article at all.
        // (A fingerprint that matches was taken of an article that bound, so this one binds too.)
        return article.contentHash() == null ? parsed.node().binds()
                : Objects.equals(inputs.contentHash().apply(parsed), article.contentHash());
    }

    /** The input file named by a recorded origin, or {@code null} when that name leads outside the input folder. */
    private static Path inside(Path folder, String name) {
        try {
            Path path = folder.resolve(name).normalize();
            return path.startsWith(folder) && !path.equals(folder) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void skip(Inputs inputs, ArticleRecord article, String why) {
        String message = "left out of the nightly digest: " + why;
        log.warn("{} ({}): {}", article.origin(), article.fileStem(), message);
        inputs.skipped().accept(new Problem(Problem.Kind.WARNING, article.origin(),
                Problem.articleLabel(article.articleId(), article.title()), message));
    }
}
