package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import dev.articleexporter.input.ArticleFile;
import dev.articleexporter.input.ArticleJson;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.model.Digest;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.rules.StoryMaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Reading a run's articles again from their inputs for the nightly digest, and leaving
 * out those that changed.
 */
class DigestInputsTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

    /**
     * Stands for the export's content hash: anything that changes with the article and
     * its name.
     */
    private static final Function<Input.Parsed, String> FINGERPRINT = p -> p.stem() + ":"
            + HexFormat.of().formatHex(ArticleJson.MAPPER.writeValueAsBytes(p.article()));

    private static AnnotationConfigApplicationContext context;

    private static DigestInputs inputs;

    @TempDir
    Path input;

    private final List<Problem> warnings = new ArrayList<>();

    @BeforeAll
    static void wire() {
        context = new AnnotationConfigApplicationContext("dev.articleexporter.rules");
        inputs = new DigestInputs(context.getBean(StoryMaker.class));
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @BeforeEach
    void inputs() throws IOException {
        Files.writeString(input.resolve("a.json"), """
                [
                  {"id": "world-1", "title": "Zebra Crossings Return", "section": "World", "language": "de",
                   "slides": [{"heading": "One", "body": "Photo: Somebody", "credit": "Credit: Wire"}]},
                  {"id": "loose", "title": "No Section Here", "language": "de", "intro": "Read on."},
                  {"id": "arts-2", "title": "Brass Bands", "section": "Arts", "language": "en", "intro": "Loud."}
                ]""");
        Files.writeString(input.resolve("b.json"), """
                {"id": "arts-1", "title": "Acrylic Paints", "section": "Arts", "language": "de", "intro": "Bright."}
                """);
    }

    /** What the export recorded for the article at {@code origin} as it is now. */
    private ArticleRecord exported(String origin, String stem) {
        Origin o = Origin.parse(origin);
        try (var file = new ArticleFile(input.resolve(o.file()), o.file())) {
            for (Input in = file.next(); in != null; in = file.next()) {
                if (in.origin().position() == o.position() && in instanceof Input.Parsed p) {
                    var a = p.article();
                    return new ArticleRecord(a.id(), stem, origin, a.title(), a.section(), null, a.language(), null,
                            null, null, false, FINGERPRINT.apply(p.withStem(stem)));
                }
            }
        }
        throw new AssertionError("no article at " + origin);
    }

    private List<ArticleRecord> all() {
        return List.of(exported("a.json #1", "world-1"), exported("a.json #2", "loose"),
                exported("a.json #3", "arts-2"), exported("b.json", "arts-1"));
    }

    /** The digest of what could be read again, as the digest step makes it. */
    private Digest make(List<ArticleRecord> rendered) {
        List<DigestMaker.Candidate> found = inputs.read(rendered,
                new DigestInputs.Settings(input, RelatedMode.KEEP, FINGERPRINT, warnings::add));
        return DigestMaker.make("digest-2026-11-25-run-4", DATE, found, 0, 4);
    }

    @Test
    void everyArticleStillAsExportedIsOffered() {
        Digest digest = make(all());
        assertThat(warnings).isEmpty();
        assertThat(digest.sections()).extracting(Digest.Section::name).containsExactly("Arts", "World", "More");
        assertThat(digest.sections().stream().flatMap(s -> s.articles().stream()).map(Digest.Entry::fileStem))
            .containsExactly("arts-1", "arts-2", "world-1", "loose");
        assertThat(digest.language()).isEqualTo("de");
    }

    @Test
    void storiesAreMadeWithTheExportsRulesAndTheArticlesOutputName() {
        Digest digest = make(all());
        Digest.Entry zebra = digest.sections().get(1).articles().getFirst();
        Story story = zebra.story();
        assertThat(story.id()).isEqualTo("world-1");
        assertThat(story.meta().title()).isEqualTo("Zebra Crossings Return");
        // the label rule ran
        assertThat(story.slides().getFirst().credit()).isEqualTo("Wire");
        assertThat(zebra.story()).as("made anew, not kept").isNotSameAs(story).isEqualTo(story);
    }

    @Test
    void anArticleWhoseInputChangedOrVanishedIsLeftOutWithAWarning() throws IOException {
        List<ArticleRecord> rendered = all();
        Files.writeString(input.resolve("a.json"),
                Files.readString(input.resolve("a.json")).replace("Loud.", "Quiet."));
        Files.delete(input.resolve("b.json"));
        Digest digest = make(rendered);
        assertThat(digest.sections()).extracting(Digest.Section::name).containsExactly("World", "More");
        assertThat(warnings).extracting(Problem::toString)
            .containsExactlyInAnyOrder(
                    "a.json #3 (arts-2): left out of the nightly digest: its input changed since it was exported",
                    "b.json (arts-1): left out of the nightly digest: its input file is no longer there");
        assertThat(warnings).extracting(Problem::kind).containsOnly(Problem.Kind.WARNING);
    }

    @Test
    void anArticleNoLongerAtItsPlaceIsLeftOut() throws IOException {
        List<ArticleRecord> rendered = all();
        Files.writeString(input.resolve("a.json"), "[{\"id\": \"world-1\", \"title\": \"Only one left\"}]");
        Digest digest = make(rendered);
        assertThat(digest.sections()).extracting(Digest.Section::name).containsExactly("Arts");
        assertThat(warnings).extracting(Problem::message)
            .containsExactlyInAnyOrder("left out of the nightly digest: its input changed since it was exported",
                    "left out of the nightly digest: its input changed since it was exported (it is no longer at a.json #2)",
                    "left out of the nightly digest: its input changed since it was exported (it is no longer at a.json #3)");
    }

    @Test
    void anArticleRecordedWithoutAFingerprintIsLeftOutWhenItIsNoLongerAnArticle() throws IOException {
        ArticleRecord old = new ArticleRecord("arts-1", "arts-1", "b.json", "Acrylic Paints", "Arts", null, "de", null,
                // recorded before fingerprints: its input is trusted if it still binds
                null, null, false, null);
        Files.writeString(input.resolve("b.json"),
                "{\"id\": \"arts-1\", \"title\": \"Acrylic Paints\", \"slides\": \"none\"}");
        Digest digest = make(List.of(old));
        assertThat(digest.articleCount()).isZero();
        assertThat(warnings).extracting(Problem::toString)
            .containsExactly(
                    "b.json (arts-1): left out of the nightly digest: its input changed since it was exported");
    }

    @Test
    void aRecordedOriginOutsideTheInputFolderIsNeverRead() throws IOException {
        Path outside = input.getParent().resolve(input.getFileName() + "-outside.json");
        Files.writeString(outside, "{\"id\": \"x\", \"title\": \"Outside\"}");
        try {
            ArticleRecord sneaky = new ArticleRecord("x", "x", "../" + outside.getFileName(), "Outside", null, null,
                    "en", null, null, null, false, null);
            Digest digest = make(List.of(sneaky));
            assertThat(digest.articleCount()).isZero();
            assertThat(warnings).extracting(Problem::message)
                .containsExactly("left out of the nightly digest: its input file is no longer there");
        }
        finally {
            Files.delete(outside);
        }
    }

    @Test
    void originsReadBack() {
        assertThat(Origin.parse("briefs.json #2")).isEqualTo(new Origin("briefs.json", 2));
        assertThat(Origin.parse("briefs.json")).isEqualTo(Origin.wholeFile("briefs.json"));
        assertThat(Origin.parse("odd #3.json")).isEqualTo(Origin.wholeFile("odd #3.json"));
        assertThat(Origin.parse("odd #3.json #12")).isEqualTo(new Origin("odd #3.json", 12));
        assertThat(Origin.parse(new Origin("sub/x.json", 7).toString())).isEqualTo(new Origin("sub/x.json", 7));
    }

}
