package dev.articleexporter.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Digest;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Arranging the articles offered to a nightly digest: by section, numbered, with its
 * language and left-out note.
 */
class DigestMakerTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

    private static DigestMaker.Candidate article(String stem, String title, String section, String language) {
        return new DigestMaker.Candidate(stem, title, section, language, TestStories::minimal);
    }

    /**
     * Four articles, in input order (world-1, loose, arts-2, arts-1), three of them in
     * German.
     */
    private static List<DigestMaker.Candidate> all() {
        return List.of(article("world-1", "Zebra Crossings Return", "World", "de"),
                article("loose", "No Section Here", null, "de"), article("arts-2", "Brass Bands", "Arts", "en"),
                article("arts-1", "Acrylic Paints", "Arts", "de"));
    }

    private static Digest make(List<DigestMaker.Candidate> articles, int leftOut) {
        return DigestMaker.make("digest-2026-11-25-run-4", DATE, articles, leftOut, 4);
    }

    private static List<String> titles(Digest.Section section) {
        return section.articles().stream().map(Digest.Entry::title).toList();
    }

    @Test
    void groupsBySectionByNameWithTheArticlesWithoutOneLastAndNumbersThemInOrder() {
        Digest digest = make(all(), 0);
        assertThat(digest.fileStem()).isEqualTo("digest-2026-11-25-run-4");
        assertThat(digest.title()).isEqualTo("Nightly digest — 25 November 2026");
        assertThat(digest.sections()).extracting(Digest.Section::name).containsExactly("Arts", "World", "More");
        assertThat(digest.sections()).extracting(Digest.Section::number).containsExactly(1, 2, 3);
        assertThat(titles(digest.sections().get(0))).containsExactly("Acrylic Paints", "Brass Bands");
        assertThat(titles(digest.sections().get(2))).containsExactly("No Section Here");
        assertThat(digest.sections().stream().flatMap(p -> p.articles().stream()).map(Digest.Entry::number))
            .containsExactly(1, 2, 3, 4);
        assertThat(digest.extent()).isEqualTo("4 articles in 3 sections");
        assertThat(digest.language()).isEqualTo("de"); // three of four
        assertThat(digest.leftOutNote()).isNull();
    }

    @Test
    void anEntryMakesItsStoryFromItsSourceOnEveryCall() {
        AtomicInteger made = new AtomicInteger();
        Digest digest = make(List.of(new DigestMaker.Candidate("one", "One", null, "en", () -> {
            made.incrementAndGet();
            return TestStories.minimal();
        })), 0);
        assertThat(made).as("nothing is made before the digest is written").hasValue(0);
        Digest.Entry entry = digest.sections().getFirst().articles().getFirst();
        Story first = entry.story();
        assertThat(entry.story()).isNotSameAs(first).isEqualTo(first);
        assertThat(made).hasValue(2);
    }

    @Test
    void theLanguageIsTheFirstInReadingOrderWhenTiedAndEnglishWithoutOne() {
        assertThat(make(List.of(article("b", "Beta", "B", "fr"), article("a", "Alpha", "A", "it")), 0).language())
            .isEqualTo("it");
        assertThat(make(List.of(article("a", "Alpha", "A", null)), 0).language()).isEqualTo("en");
        assertThat(make(List.of(), 0).articleCount()).isZero();
    }

    @Test
    void aSectionCalledMoreKeepsItsNameAndTheRestGetAnother() {
        List<DigestMaker.Candidate> articles = new ArrayList<>(all());
        articles.set(3, article("arts-1", "Acrylic Paints", "more", "de"));
        Digest digest = make(articles, 0);
        assertThat(digest.sections()).extracting(Digest.Section::name)
            .containsExactly("Arts", "more", "World", "Other articles");
    }

    @Test
    void saysHowManyWereLeftOutByTheLimit() {
        Digest digest = make(all(), 3);
        assertThat(digest.leftOutNote()).isEqualTo("This digest holds the 4 most recently published of the 7 articles"
                + " the run exported (at most 4); the other 3 are in the output folder as single files.");
    }

    @Test
    void fileStemsNameTheDateAndTheRun() {
        assertThat(Digest.fileStem(DATE, 12)).isEqualTo("digest-2026-11-25-run-12");
    }

}
