package dev.articleexporter.job;

import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import dev.articleexporter.input.ArticleFile;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.rules.InvalidArticleException;
import dev.articleexporter.rules.StoryMaker;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The articles of a nightly digest, as the run history records them, read again from
 * their input files and positions: each is checked against the fingerprint recorded when
 * it was exported, and made into a story with the same rules as the export when the
 * digest is written. An article whose input changed or vanished since is left out with a
 * warning: the digest never shows text its own files do not have.
 *
 * <p>
 * Each input file is read once, in order, however many of its articles are wanted; only
 * the wanted articles' text is kept (the caller caps how many), and their pictures are
 * loaded only while each one is written.
 */
@Component
class DigestInputs {

    private static final Logger log = LoggerFactory.getLogger(DigestInputs.class);

    private final StoryMaker stories;

    DigestInputs(StoryMaker stories) {
        this.stories = stories;
    }

    /**
     * What to read the articles with: the run's settings.
     *
     * @param folder the run's input folder; the articles' origins are relative to it
     * @param related the run's {@code --related}, for the stories
     * @param contentHash the fingerprint the export recorded for an article (with its
     * output name set), to tell whether its input is still what was exported
     * @param skipped told of each article left out, and why
     */
    record Settings(Path folder, RelatedMode related, Function<Input.Parsed, String> contentHash,
            Consumer<Problem> skipped) {
    }

    /**
     * @param rendered the articles wanted, as recorded by the run (any order)
     * @return those that could be read again, in input order, for
     * {@link DigestMaker#make}
     */
    List<DigestMaker.Candidate> read(List<ArticleRecord> rendered, Settings settings) {
        Map<String, Map<Integer, ArticleRecord>> byFile = new TreeMap<>();
        for (ArticleRecord article : rendered) {
            Origin origin = Origin.parse(article.origin());
            byFile.computeIfAbsent(origin.file(), f -> new HashMap<>()).put(origin.position(), article);
        }
        List<DigestMaker.Candidate> found = new ArrayList<>();
        Path folder = settings.folder().toAbsolutePath().normalize();
        for (Map.Entry<String, Map<Integer, ArticleRecord>> file : byFile.entrySet()) {
            Map<Integer, ArticleRecord> wanted = file.getValue();
            Path path = inside(folder, file.getKey());
            if (path == null || !Files.isRegularFile(path)) {
                wanted.values().forEach(a -> skip(settings, a, "its input file is no longer there"));
                continue;
            }
            try (ArticleFile articles = new ArticleFile(path, file.getKey())) {
                for (Input input = articles.next(); input != null && !wanted.isEmpty(); input = articles.next()) {
                    ArticleRecord article = wanted.remove(input.origin().position());
                    if (article == null) {
                        continue;
                    }
                    if (input instanceof Input.Parsed parsed
                            && unchanged(parsed.withStem(article.fileStem()), article, settings)) {
                        found.add(candidate(article, parsed, settings.related()));
                    }
                    else {
                        skip(settings, article, "its input changed since it was exported");
                    }
                }
            }
            wanted.values()
                .forEach(a -> skip(settings, a,
                        "its input changed since it was exported (it is no longer at " + a.origin() + ")"));
        }
        return found;
    }

    private DigestMaker.Candidate candidate(ArticleRecord article, Input.Parsed input, RelatedMode related) {
        return new DigestMaker.Candidate(article.fileStem(), article.title(), article.section(), article.language(),
                () -> story(input, article.fileStem(), related));
    }

    private Story story(Input.Parsed input, String fileStem, RelatedMode related) {
        try {
            // Warnings were reported when the article was exported; the same rules give
            // the same ones.
            return stories.make(input.article(), input.folder(), fileStem, related, new Warnings());
        }
        catch (InvalidArticleException e) {
            // Not reachable while the fingerprint matches: the same input and rules made
            // it before.
            throw new IllegalStateException(
                    input.origin() + " (" + fileStem + ") can no longer be digested: " + e.getMessage(), e);
        }
    }

    private static boolean unchanged(Input.Parsed parsed, ArticleRecord article, Settings settings) {
        // Rows without a fingerprint predate it: nothing to compare, so trust the input
        // if it is an article at all.
        // (A fingerprint that matches was taken of an article that bound, so this one
        // binds too.)
        return article.contentHash() == null ? parsed.node().binds()
                : Objects.equals(settings.contentHash().apply(parsed), article.contentHash());
    }

    /**
     * The input file named by a recorded origin, or {@code null} when that name leads
     * outside the input folder.
     */
    private static Path inside(Path folder, String name) {
        try {
            Path path = folder.resolve(name).normalize();
            return path.startsWith(folder) && !path.equals(folder) ? path : null;
        }
        catch (InvalidPathException e) {
            return null;
        }
    }

    private static void skip(Settings settings, ArticleRecord article, String why) {
        String message = "left out of the nightly digest: " + why;
        log.warn("{} ({}): {}", article.origin(), article.fileStem(), message);
        settings.skipped()
            .accept(new Problem(Problem.Kind.WARNING, article.origin(),
                    Problem.articleLabel(article.articleId(), article.title()), message));
    }

}
