package dev.articleexporter.rules;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Published;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.Image;
import dev.articleexporter.input.Article.RelatedLink;
import dev.articleexporter.model.Slide;
import dev.articleexporter.input.ArticleJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The processing rules, wired as the application wires them (component scan,
 * {@code @Order}).
 */
class StoryMakerTest {

    private static AnnotationConfigApplicationContext context;

    private static StoryMaker maker;

    @TempDir
    Path folder;

    @BeforeAll
    static void wire() {
        context = new AnnotationConfigApplicationContext("dev.articleexporter.rules");
        maker = context.getBean(StoryMaker.class);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private Story digest(Article article, Warnings warnings) {
        return maker.make(article, folder, RelatedMode.KEEP, warnings);
    }

    private Story digest(Article article) {
        return digest(article, new Warnings());
    }

    private static Article article(List<Article.Slide> slides) {
        return new Article("a-1", "Title", "The Site", null, null, null, null, null, null, null, slides, null);
    }

    private static Article.Slide slide(String heading, String credit, String... body) {
        return new Article.Slide(heading, List.of(body), credit, null);
    }

    @Test
    void rulesRunInTheirDeclaredOrder() {
        List<String> names = maker.rules().stream().map(r -> r.getClass().getSimpleName()).toList();
        assertThat(names).containsExactly("TidyWhitespace", "SectionFromBreadcrumbs", "CreditLabels", "CreditSpelling",
                "Promotions", "RelatedLinks", "RepeatedParagraphs");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Credit: Reuters", "Credits: Reuters", "Photo Credit: Reuters", "Photo: Reuters",
            "Image: Reuters", "CREDIT: Reuters", "credits:Reuters", "Photo Credits : Reuters", "Image Credit: Reuters",
            "Photo credit: Credit: Reuters", "  Reuters  " })
    void everyCreditLabelIsRemoved(String credit) {
        Story digest = digest(article(List.of(slide("One", credit, "Text."))));
        assertThat(digest.slides().getFirst().credit()).isEqualTo("Reuters");
        assertThat(digest.credits()).containsExactly(new CreditLine("Reuters", List.of(1)));
    }

    @Test
    void aLabelAloneIsNoCredit() {
        assertThat(CreditLabels.strip("Credit:")).isNull();
        assertThat(CreditLabels.strip("   ")).isNull();
    }

    @Test
    void oneSpellingPerSourceAcrossTheArticle() {
        Story digest = digest(article(List.of(slide("1", "Credit: Depositphotos", "a"),
                slide("2", "Credit: DepositPhotos", "b"), slide("3", "Credits: DepositPhotos", "c"),
                slide("4", "CREDIT: DEPOSITPHOTOS", "d"), slide("5", "Photo Credit: Rail Archive", "e"))));
        assertThat(digest.slides()).extracting(Slide::credit)
            .containsExactly("DepositPhotos", "DepositPhotos", "DepositPhotos", "DepositPhotos", "Rail Archive");
        assertThat(digest.credits()).containsExactly(new CreditLine("DepositPhotos", List.of(1, 2, 3, 4)),
                new CreditLine("Rail Archive", List.of(5)));
    }

    @Test
    void onATiePrefersMixedCaseThenFirstSeen() {
        Story digest = digest(
                article(List.of(slide("1", "Credit: DEPOSITPHOTOS", "a"), slide("2", "Credit: Depositphotos", "b"),
                        slide("3", "Credit: DepositPhotos", "c"), slide("4", "Credits: example travel desk", "d"),
                        slide("5", "Photo Credit: Example Travel Desk", "e"))));
        assertThat(digest.slides()).extracting(Slide::credit)
            .containsExactly("Depositphotos", "Depositphotos", "Depositphotos", "Example Travel Desk",
                    "Example Travel Desk");
    }

    @Test
    void aSlideWithoutCreditGetsNone() {
        Story digest = digest(
                article(List.of(slide("1", "Credit: AP", "a"), slide("2", null, "b"), slide("3", "", "c"))));
        assertThat(digest.slides()).extracting(Slide::credit).containsExactly("AP", null, null);
        assertThat(digest.credits()).containsExactly(new CreditLine("AP", List.of(1)));
    }

    @Test
    void aCreditLineInTheTextBecomesTheCredit() {
        Story digest = digest(article(List.of(slide("1", null, "Credit: DepositPhotos", "The text."),
                slide("2", "Credit: AP", "Credit: AP", "More text."))));
        assertThat(digest.slides().get(0).credit()).isEqualTo("DepositPhotos");
        assertThat(digest.slides().get(0).paragraphs()).containsExactly("The text.");
        assertThat(digest.slides().get(1).paragraphs()).containsExactly("More text.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Read More: Ten Soups", "Also Read: Ten Soups", "Read Next: Ten Soups",
            "READ MORE: Ten Soups", "See also: Ten Soups", "Read more :Ten Soups", "Don’t Miss: Ten Soups" })
    void promotionsLeaveTheTextForTheRelatedList(String promo) {
        Story digest = digest(article(List.of(slide("1", null, "Kitchens close at 21:00.", promo))));
        assertThat(digest.slides().getFirst().paragraphs()).containsExactly("Kitchens close at 21:00.");
        assertThat(digest.related().heading()).isEqualTo("More from The Site");
        assertThat(digest.related().links()).extracting(Related.Link::title).containsExactly("Ten Soups");
    }

    @Test
    void textThatOnlyMentionsReadingStays() {
        Story digest = digest(
                article(List.of(slide("1", null, "Readers can read more: see the report.", "Related: ", "Read More"))));
        assertThat(digest.slides().getFirst().paragraphs()).containsExactly("Readers can read more: see the report.",
                "Related:", "Read More");
        assertThat(digest.related()).isNull();
    }

    @Test
    void relatedAndPromotionsFormOneDeduplicatedList() {
        Article article = new Article("a", "T", "The Stock Dork", null, null, null, null, null, null, null,
                List.of(slide("1", null, "Text.", "Read More: Trump Unveils Bold Policy Goals"),
                        slide("2", null, "Text 2.", "Also Read: Another Story")),
                List.of(new RelatedLink("More from The Stock Dork", "Trump Unveils Bold Policy Goals",
                        "https://x.test/1", "Credits: DepositPhotos"),
                        new RelatedLink("More from The Stock Dork", "A Report", "javascript:alert(1)", null),
                        new RelatedLink("More from The Stock Dork", "trump unveils bold policy goals!", null, null)));
        Story digest = digest(article);
        assertThat(digest.related().links()).containsExactly(
                new Related.Link("Trump Unveils Bold Policy Goals", "https://x.test/1"),
                new Related.Link("A Report", null), new Related.Link("Another Story", null));
        Story dropped = maker.make(article, folder, RelatedMode.DROP, new Warnings());
        assertThat(dropped.related()).isNull();
        assertThat(dropped.slides().getFirst().paragraphs()).containsExactly("Text.");
    }

    @Test
    void breadcrumbsGiveTheSectionWithoutTheTruncatedTitleCrumb() {
        Article article = new Article(null, "Iraq’s Prime Minister Calls for Departure", null, null, null, null, null,
                null, List.of("Home", "Politics", "Slideshow", "Iraq’s Prime Minister Calls..."), null, List.of(),
                null);
        assertThat(digest(article).meta().section()).isEqualTo("Politics");
        Article withSection = article.withSection("World");
        assertThat(digest(withSection).meta().section()).isEqualTo("World");
        Article onlyTitleCrumb = new Article(null, "T", null, null, null, null, null, null, List.of("Home", "T..."),
                null, null, null);
        assertThat(digest(onlyTitleCrumb).meta().section()).isNull();
    }

    @Test
    void whitespaceIsTidiedAndTextOtherwiseKeptExactly() {
        Story digest = digest(article(List.of(slide("  Dawn \n on   the Quay ", null,
                "  “Quoted” text — with\tdashes,\n 2,500 troops & 5 km.  ", "", "   ", "First.\n\nSecond."))));
        Slide section = digest.slides().getFirst();
        assertThat(section.heading()).isEqualTo("Dawn on the Quay");
        assertThat(section.paragraphs()).containsExactly("“Quoted” text — with dashes, 2,500 troops & 5 km.", "First.",
                "Second.");
    }

    @Test
    void repeatedTeasersAreDropped() {
        Article article = new Article("a", "T", null, null, null, null, null, null, null, List.of("The teaser."),
                List.of(slide("1", null, "The teaser.", "Body."), slide("2", null, "Body.", "New.")), null);
        Story digest = digest(article);
        assertThat(digest.intro()).containsExactly("The teaser.");
        assertThat(digest.slides()).extracting(Slide::paragraphs).containsExactly(List.of("Body."), List.of("New."));
    }

    @Test
    void aMissingTitleRejectsTheArticle() {
        Article noTitle = new Article("x", "  ", null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> digest(noTitle)).isInstanceOf(InvalidArticleException.class)
            .hasMessageContaining("no title");
    }

    @Test
    void idsAreSafeFileNamesAndTitlesBecomeSlugs() {
        assertThat(digest(new Article("iraq-pm-calls", "T", null, null, null, null, null, null, null, null, null, null))
            .id()).isEqualTo("iraq-pm-calls");
        assertThat(digest(new Article(null, "Three Questions Before You Refinance", null, null, null, null, null, null,
                null, null, null, null))
            .id()).isEqualTo("three-questions-before-you-refinance");
        assertThat(
                digest(new Article("../../etc/passwd", "T", null, null, null, null, null, null, null, null, null, null))
                    .id())
            .matches("etc-passwd-[0-9a-f]{8}");
    }

    @Test
    void metadataDefaultsAndDates() {
        Warnings warnings = new Warnings();
        Article article = new Article("a", "T", "Site", "Sec", null, "https://example.com/a",
                "2026-11-20T08:30:00+01:00", null, null, List.of("Intro."), null, null);
        Meta meta = digest(article, warnings).meta();
        assertThat(meta.language()).isEqualTo("en");
        assertThat(meta.published().w3cdtf()).isEqualTo("2026-11-20T07:30:00Z");
        assertThat(meta.creator()).isEqualTo("Site");
        assertThat(meta.keywords()).containsExactly("Sec", "Site");
        assertThat(warnings.list()).isEmpty();

        Warnings bad = new Warnings();
        Article badDate = new Article("a", "T", null, null, null, "file:///etc/passwd", "last Tuesday", "fr-CA", null,
                null, null, null);
        Meta badMeta = digest(badDate, bad).meta();
        assertThat(badMeta.published()).isNull();
        assertThat(badMeta.url()).isNull();
        assertThat(badMeta.language()).isEqualTo("fr-CA");
        assertThat(bad.list()).anyMatch(w -> w.contains("last Tuesday"))
            .anyMatch(w -> w.contains("file:///etc/passwd"));
        assertThat(
                digest(new Article("a", "T", null, null, null, null, "2026-01-15", null, null, null, null, null)).meta()
                    .published()
                    .w3cdtf())
            .isEqualTo("2026-01-15");
    }

    @Test
    void localImagesAreLoadedAndProblemsAreWarnings() throws IOException {
        Files.copy(Path.of("input/images/harbour-dawn.png"), folder.resolve("dawn.png"));
        Files.writeString(folder.resolve("fake.png"), "not an image");
        Warnings warnings = new Warnings();
        Story digest = digest(
                article(List.of(new Article.Slide("1", List.of("a"), null, new Image("dawn.png", "Boats")),
                        new Article.Slide("2", List.of("b"), null, new Image("missing.jpg", "A train")),
                        new Article.Slide("3", List.of("c"), null,
                                new Image("https://cdn.example.com/x.jpg", "Remote")),
                        new Article.Slide("4", List.of("d"), null, new Image("../../../etc/passwd", "Escape")),
                        new Article.Slide("5", List.of("e"), null, new Image("fake.png", "Fake")))),
                warnings);
        Picture dawn = digest.slides().get(0).picture();
        assertThat(dawn.embeddable()).isTrue();
        assertThat(dawn.data().mediaType()).isEqualTo("image/png");
        assertThat(dawn.data().name()).isEqualTo("slide-01.png");
        assertThat(dawn.data().width()).isPositive();
        assertThat(digest.slides().subList(1, 5)).allMatch(s -> !s.picture().embeddable());
        assertThat(digest.slides().get(2).picture().alt()).isEqualTo("Remote");
        assertThat(warnings.list()).containsExactly("slide 2: image missing.jpg: not found",
                "slide 4: image ../../../etc/passwd: refused: the path leads outside the input folder",
                "slide 5: image fake.png: not a PNG, JPEG or GIF image; shown as its alt text");
    }

    @Test
    void theIraqSampleComesOutClean() throws IOException {
        Article article = ArticleJson.MAPPER.readValue(Path.of("input/iraq-coalition.json").toFile(), Article.class);
        Warnings warnings = new Warnings();
        Story digest = digest(article, warnings);
        assertThat(warnings.list()).isEmpty();
        assertThat(digest.id()).isEqualTo("iraq-pm-calls-for-departure-of-us-led-coalition");
        assertThat(digest.slides()).hasSize(17);
        assertThat(digest.slides().get(1).credit()).isNull();
        assertThat(digest.slides()).filteredOn(s -> s.credit() != null)
            .extracting(Slide::credit)
            .containsOnly("DepositPhotos");
        assertThat(digest.slides()).flatExtracting(Slide::paragraphs)
            .noneMatch(p -> p.matches("(?i)^(read more|also read|read next):.*"));
        assertThat(digest.related().heading()).isEqualTo("More from The Stock Dork");
        List<String> titles = digest.related().links().stream().map(Related.Link::title).toList();
        assertThat(titles).doesNotHaveDuplicates()
            .contains("Trump Unveils Bold Policy Goals for Potential Second Term",
                    "These “Trump” Stocks Could Take Off if He’s Re-elected");
        assertThat(titles).hasSize(4 + 6); // 5 related with one repeat, 6 promotions
    }

    private static Article withLanguageAndDate(String language, String publishedAt) {
        return new Article("a", "T", null, null, null, null, publishedAt, language, null, List.of("Intro."), null,
                null);
    }

    @Test
    void aLongLanguageTagIsCutToLanguageScriptAndRegion() {
        Warnings warnings = new Warnings();
        String tag = "en-Latn-GB-oxendict-1994-u-ca-gregory-nu-latn-x-some-private-use";
        Meta meta = digest(withLanguageAndDate(tag, null), warnings).meta();
        assertThat(meta.language()).isEqualTo("en-Latn-GB");
        assertThat(warnings.list()).singleElement()
            .asString()
            .contains("language \"en-Latn-GB-oxendict")
            .endsWith("is longer than 35 characters; \"en-Latn-GB\" is used");

        Warnings variants = new Warnings();
        assertThat(digest(withLanguageAndDate("sl-rozaj-biske-1994-alalc97-fonipa-fonupa", null), variants).meta()
            .language()).isEqualTo("sl");
        assertThat(variants.list()).hasSize(1);

        Warnings fine = new Warnings();
        assertThat(digest(withLanguageAndDate("zh-Hant-TW", null), fine).meta().language()).isEqualTo("zh-Hant-TW");
        assertThat(digest(withLanguageAndDate("de-CH-1996", null), fine).meta().language()).isEqualTo("de-CH-1996");
        assertThat(fine.list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999999-12-31", "+10000-01-01", "0000-06-01", "-0044-03-15",
            "+999999999-12-31T23:59:59-18:00", "9999-12-31T23:00:00-05:00", "0001-01-01T01:00:00+02:00",
            "+12345-01-01T00:00:00" })
    void yearsOutsideOneToNineThousandNineHundredNinetyNineAreLeftOut(String date) {
        Warnings warnings = new Warnings();
        Meta meta = digest(withLanguageAndDate(null, date), warnings).meta();
        assertThat(meta.published()).isNull();
        assertThat(warnings.list()).singleElement()
            .asString()
            .startsWith("publishedAt \"" + date + "\"")
            .endsWith("outside 1 to 9999; the date is left out");
    }

    @Test
    void datesAtTheEdgesOfTheRangeFitW3cdtf() {
        for (String date : new String[] { "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z",
                "0001-01-01T00:00:00-01:00", "9999-12-31T18:59:59.999999999-05:00" }) {
            Warnings warnings = new Warnings();
            Published published = digest(withLanguageAndDate(null, date), warnings).meta().published();
            assertThat(warnings.list()).as(date).isEmpty();
            assertThat(published.w3cdtf()).as(date)
                .hasSizeLessThanOrEqualTo(40)
                .matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?");
        }
        assertThatThrownBy(() -> new Published(java.time.LocalDate.of(10000, 1, 1), null))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anArticleWhoseSlidesAreAllEmptyIsWarnedAbout() {
        Article article = new Article("a", "T", null, null, null, null, null, null, null, List.of("The intro."),
                List.of(new Article.Slide(null, List.of(), null, null),
                        new Article.Slide("   ", List.of("", "  \n "), " ", null),
                        new Article.Slide(null, List.of(), "Credit:", new Image("", "  ")),
                        new Article.Slide(null, List.of("Read More"), null, null).withBody(List.of())),
                null);
        Warnings warnings = new Warnings();
        Story digest = digest(article, warnings);
        assertThat(digest.slides()).extracting(Slide::heading)
            .containsExactly("Slide 1", "Slide 2", "Slide 3", "Slide 4");
        assertThat(warnings.list()).containsExactly(
                "all 4 slides are empty (no heading, text or image): only the title and intro are exported");

        Warnings noIntro = new Warnings();
        digest(article.withIntro(List.of()).withSlides(List.of(new Article.Slide(null, null, null, null))), noIntro);
        assertThat(noIntro.list())
            .containsExactly("its only slide is empty (no heading, text or image): only the title is exported");
    }

    @Test
    void oneSlideWithContentIsEnough() {
        Article.Slide empty = new Article.Slide(null, List.of(), null, null);
        for (Article.Slide content : List.of(new Article.Slide(null, List.of("Text."), null, null),
                new Article.Slide("A heading", List.of(), null, null),
                new Article.Slide(null, List.of(), "Credit: AP", null),
                new Article.Slide(null, List.of(), null, new Image("missing.png", "A photo")),
                new Article.Slide(null, List.of(), null, new Image("https://example.com/x.jpg", "Remote")))) {
            Warnings warnings = new Warnings();
            digest(article(List.of(empty, content, empty)), warnings);
            assertThat(warnings.list()).as(content.toString()).noneMatch(w -> w.contains("empty"));
        }
    }

}
