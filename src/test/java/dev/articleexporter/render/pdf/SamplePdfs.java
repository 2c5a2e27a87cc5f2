package dev.articleexporter.render.pdf;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The articles whose PDFs the conformance and reading-order tests judge: the samples of
 * {@code input/} made by the real {@link StoryMaker} (wired as the application wires it),
 * the every-script and right-to-left articles, an article with pictures, and what renders
 * them.
 */
final class SamplePdfs {

    static final Path INPUT = Path.of("input");

    /** As an export renders: A4, system fonts (CJK and emoji where installed). */
    static final PdfRenderer RENDERER = new PdfRenderer();

    private SamplePdfs() {
    }

    /**
     * The bundled samples by name: iraq-coalition.json and the two articles of
     * briefs.json.
     */
    static Map<String, Story> samples() {
        Map<String, Story> stories = new LinkedHashMap<>();
        try (var context = new AnnotationConfigApplicationContext("dev.articleexporter.rules")) {
            StoryMaker maker = context.getBean(StoryMaker.class);
            List<Article> briefs = List
                .of(ArticleJson.MAPPER.readValue(INPUT.resolve("briefs.json").toFile(), Article[].class));
            Article iraq = ArticleJson.MAPPER.readValue(INPUT.resolve("iraq-coalition.json").toFile(), Article.class);
            stories.put("iraq-coalition", maker.make(iraq, INPUT, RelatedMode.KEEP, new Warnings()));
            for (Article brief : briefs) {
                Story story = maker.make(brief, INPUT, RelatedMode.KEEP, new Warnings());
                stories.put(story.id(), story);
            }
        }
        return stories;
    }

    /**
     * The hand-built articles: every script, right to left, pictures (embedded and
     * missing), several pages.
     */
    static Map<String, Story> handBuilt() {
        Map<String, Story> stories = new LinkedHashMap<>();
        stories.put("every-script", TestStories.everyScript());
        stories.put("arabic", TestStories.arabic());
        stories.put("harbour-towns-pictures", TestStories.harbourTowns());
        stories.put("seventeen-reasons", LongDigest.build());
        return stories;
    }

    static byte[] render(Story story) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RENDERER.render(story, out, new Warnings());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A digest of {@code stories}, one section per article, as the nightly job writes it.
     */
    static byte[] digest(List<Story> stories) {
        LocalDate date = LocalDate.of(2026, 11, 25);
        Digest digest = TestDigests.of(stories, date, "News");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DigestWriter.writeAll(digest, List.of(RENDERER.digestWriter(out)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
