package dev.articleexporter.render.epub;

import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.input.Article;
import dev.articleexporter.input.ArticleJson;
import dev.articleexporter.model.Digest;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestDigests;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.rules.StoryMaker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The books the EPUB judges look at, written the way an export writes them: the sample
 * articles of {@code input/} through the real {@link StoryMaker} (wired as the
 * application wires it) and {@link EpubRenderer}; an article in every script; a
 * right-to-left one; one whose images have no alt text; and a nightly digest of them all.
 * Each carries its cover, made as the export makes it ({@link CoverMaker}).
 */
final class SampleBooks {

    static final Path INPUT = Path.of("input");

    static final LocalDate DIGEST_DATE = LocalDate.of(2026, 11, 25);

    /** The export's covers, so the books are the size and shape readers get. */
    static final CoverMaker COVERS = new CoverMaker();

    /** The names of the books {@link #writeAll} writes, in order. */
    static final List<String> NAMES = List.of("iraq-coalition", "five-harbour-towns", "three-questions", "every-script",
            "arabic", "no-alt-text", "digest");

    private SampleBooks() {
    }

    /**
     * A book written for the judges.
     *
     * @param story the article, or {@code null} for the digest
     */
    record Book(String name, Story story, Path file) {
    }

    /**
     * Writes every book of {@link #NAMES} to {@code dir/<name>.epub}, by name, in order.
     */
    static Map<String, Book> writeAll(Path dir) throws IOException {
        Map<String, Story> stories = new LinkedHashMap<>();
        try (var context = new AnnotationConfigApplicationContext("dev.articleexporter.rules")) {
            StoryMaker maker = context.getBean(StoryMaker.class);
            List<Article> briefs = List
                .of(ArticleJson.MAPPER.readValue(INPUT.resolve("briefs.json").toFile(), Article[].class));
            stories.put("iraq-coalition", make(maker, read("iraq-coalition.json"), INPUT));
            stories.put("five-harbour-towns", make(maker, briefs.get(0), INPUT));
            stories.put("three-questions", make(maker, briefs.get(1), INPUT));
            stories.put("every-script", withCover(TestStories.everyScript()));
            stories.put("arabic", withCover(TestStories.arabic()));
            stories.put("no-alt-text", make(maker, withoutAltText(dir), dir.resolve("no-alt-images")));
        }
        Map<String, Book> books = new LinkedHashMap<>();
        EpubRenderer renderer = new EpubRenderer();
        for (var e : stories.entrySet()) {
            books.put(e.getKey(),
                    new Book(e.getKey(), e.getValue(), EpubFiles.write(renderer, dir, e.getKey(), e.getValue())));
        }
        books.put("digest", new Book("digest", null, writeDigest(renderer, dir, List.copyOf(stories.values()))));
        if (!books.keySet().equals(new java.util.LinkedHashSet<>(NAMES))) {
            throw new IllegalStateException("NAMES out of date: " + books.keySet());
        }
        return books;
    }

    /**
     * The build folder ({@code target}, or what {@code -Dbuild.dir} names): where the
     * test classes are. The judges leave what a person may want to look at there.
     */
    static Path buildFolder() {
        try {
            return Path.of(SampleBooks.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        }
        catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sample article of {@code input/}, as the export makes it. */
    static Story sample(String file) throws IOException {
        try (var context = new AnnotationConfigApplicationContext("dev.articleexporter.rules")) {
            return make(context.getBean(StoryMaker.class), read(file), INPUT);
        }
    }

    private static Article read(String file) throws IOException {
        return ArticleJson.MAPPER.readValue(INPUT.resolve(file).toFile(), Article.class);
    }

    private static Story make(StoryMaker maker, Article article, Path folder) {
        return withCover(maker.make(article, folder, RelatedMode.KEEP, new Warnings()));
    }

    /**
     * An article of three pictures: two without alt text (missing, blank), one with.
     */
    private static Article withoutAltText(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("no-alt-images/images"));
        for (String file : List.of("harbour-dawn.png", "river-bridge.png")) {
            Files.copy(INPUT.resolve("images").resolve(file), images.resolve(file));
        }
        List<Article.Slide> slides = List.of(
                new Article.Slide("A quay without a caption", List.of("The boats are back before noon."),
                        "Credit: Example Travel Desk", new Article.Image("images/harbour-dawn.png", null)),
                new Article.Slide("A bridge with a blank caption", List.of("The bridge is two hundred years old."),
                        null, new Article.Image("images/river-bridge.png", "  ")),
                new Article.Slide("The quay again, described", List.of("The auction starts at noon."), null,
                        new Article.Image("images/harbour-dawn.png", "Fishing boats moored at dawn")));
        return new Article("pictures-without-alt-text", "Pictures Without Alt Text", "Example Travel Desk", "Travel",
                "Travel Desk Staff", null, "2026-11-24T08:00:00Z", "en", null,
                List.of("Three pictures, two undescribed."), slides, null);
    }

    /**
     * The nightly digest of {@code stories}, by section in order of first appearance,
     * written as {@code DigestWritersTest} writes it.
     */
    private static Path writeDigest(EpubRenderer renderer, Path dir, List<Story> stories) throws IOException {
        Digest digest = TestDigests.of(stories, DIGEST_DATE, "More");
        digest = digest.withCover(COVERS.digest(digest));
        Path file = dir.resolve("digest.epub");
        try (OutputStream out = Files.newOutputStream(file)) {
            DigestWriter.writeAll(digest, List.of(renderer.digestWriter(out)));
        }
        return file;
    }

    private static Story withCover(Story story) {
        return story.withCover(COVERS.story(story));
    }

}
