package dev.articleexporter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.ArticleJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark corpus: deterministic, valid input, and as messy as real feeds. No timing
 * here.
 */
class CorpusGeneratorTest {

    @TempDir
    Path dir;

    private static List<Article> read(List<Path> files) throws IOException {
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            articles.addAll(Arrays.asList(ArticleJson.MAPPER.readValue(file.toFile(), Article[].class)));
        }
        return articles;
    }

    @Test
    void theSameSeedWritesByteIdenticalFiles() throws IOException {
        var first = new CorpusGenerator(7, null).write(dir.resolve("a"), 45, 20);
        var second = new CorpusGenerator(7, null).write(dir.resolve("b"), 45, 20);
        assertThat(first.files()).extracting(p -> p.getFileName().toString())
            .containsExactly("corpus-00001.json", "corpus-00002.json", "corpus-00003.json");
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(Files.readAllBytes(second.files().get(i))).isEqualTo(Files.readAllBytes(first.files().get(i)));
        }
    }

    @Test
    void aDifferentSeedWritesDifferentArticles() throws IOException {
        var one = new CorpusGenerator(1, null).write(dir.resolve("a"), 5, 20);
        var two = new CorpusGenerator(2, null).write(dir.resolve("b"), 5, 20);
        assertThat(Files.readString(two.files().get(0))).isNotEqualTo(Files.readString(one.files().get(0)));
        assertThat(read(two.files()).get(0).title()).isNotNull();
    }

    @Test
    void anArticleDoesNotDependOnHowTheCorpusIsSplit() throws IOException {
        List<Article> byTwenty = read(new CorpusGenerator(3, null).write(dir.resolve("a"), 30, 20).files());
        List<Article> bySeven = read(new CorpusGenerator(3, null).write(dir.resolve("b"), 30, 7).files());
        assertThat(bySeven).isEqualTo(byTwenty);
    }

    @Test
    void everyArticleParsesWithTitleIdAndSlidesInRange() throws IOException {
        var result = new CorpusGenerator(42, null).write(dir, 1000, 20);
        assertThat(result.files()).hasSize(50);
        List<Article> articles = read(result.files());
        assertThat(articles).hasSize(1000);
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.title()).isNotBlank();
            assertThat(a.site()).isNotBlank();
            assertThat(a.slides()).hasSizeBetween(CorpusGenerator.MIN_SLIDES, CorpusGenerator.MAX_SLIDES);
            assertThat(a.slides()).allSatisfy(s -> {
                assertThat(s.heading()).isNotBlank();
                assertThat(s.body()).isNotEmpty();
                assertThat(s.image()).isNull();
            });
            assertThat(a.breadcrumbs()).first().isEqualTo("Home");
        });
        assertThat(articles).extracting(Article::id).doesNotHaveDuplicates().contains("gen-42-1", "gen-42-1000");
        long slides = articles.stream().mapToLong(a -> a.slides().size()).sum();
        assertThat(slides).isEqualTo(result.slides());
        // about the sample's 17 on average, and the whole range is used
        assertThat(slides / 1000.0).isBetween(15.5, 18.5);
        assertThat(articles).anySatisfy(a -> assertThat(a.slides()).hasSizeLessThan(8));
        assertThat(articles).anySatisfy(a -> assertThat(a.slides()).hasSizeGreaterThan(32));
        // about as much text a slide as the sample (295 characters of body a slide)
        long chars = articles.stream()
            .flatMap(a -> a.slides().stream())
            .flatMap(s -> s.body().stream())
            .mapToLong(String::length)
            .sum();
        assertThat(chars / (double) slides).isBetween(200.0, 400.0);
        assertThat(articles).anySatisfy(a -> assertThat(a.author()).isNull());
        assertThat(articles).anySatisfy(a -> assertThat(a.author()).isNotNull());
    }

    @Test
    void creditsArePromotionsAndTeasersAreMessy() throws IOException {
        List<Article> articles = read(new CorpusGenerator(42, null).write(dir, 200, 20).files());
        List<String> credits = articles.stream().flatMap(a -> a.slides().stream()).map(Article.Slide::credit).toList();
        assertThat(credits).contains((String) null);
        for (String label : List.of("Credit: ", "Credits: ", "Photo Credit: ")) {
            assertThat(credits).anySatisfy(c -> assertThat(c).startsWith(label));
        }
        assertThat(credits).anySatisfy(c -> assertThat(c).endsWith("DepositPhotos"));
        assertThat(credits).anySatisfy(c -> assertThat(c).endsWith("Depositphotos"));

        List<String> paragraphs = articles.stream()
            .flatMap(a -> a.slides().stream())
            .flatMap(s -> s.body().stream())
            .toList();
        long slides = articles.stream().mapToLong(a -> a.slides().size()).sum();
        for (String promo : List.of("Read More: ", "Also Read: ", "Read Next: ")) {
            assertThat(paragraphs).anySatisfy(p -> assertThat(p).startsWith(promo));
        }
        long promos = paragraphs.stream()
            .filter(p -> Stream.of("Read More: ", "Also Read: ", "Read Next: ", "See Also: ").anyMatch(p::startsWith))
            .count();
        assertThat(promos / (double) slides).isBetween(0.2, 0.4);

        assertThat(articles).allSatisfy(a -> {
            List<String> titles = a.related().stream().map(Article.RelatedLink::title).toList();
            // a teaser listed twice
            assertThat(titles).hasSizeGreaterThan((int) titles.stream().distinct().count());
            assertThat(a.breadcrumbs().getLast()).satisfiesAnyOf(c -> assertThat(c).endsWith("..."),
                    c -> assertThat(c).isEqualTo(a.title()));
        });
        assertThat(articles).anySatisfy(a -> assertThat(a.breadcrumbs().getLast()).endsWith("..."));
    }

    @Test
    void aFixedSlideCountGivesSampleSizedArticles() throws IOException {
        List<Article> articles = read(new CorpusGenerator(42, 17).write(dir, 30, 20).files());
        assertThat(articles).hasSize(30).allSatisfy(a -> assertThat(a.slides()).hasSize(17));
    }

    @Test
    void theGenerateCommandWritesTheCorpusAndRefusesBadValues() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GenerateCommand()).setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
        int code = cli.execute("--count", "25", "--output", dir.toString(), "--seed", "5", "--per-file", "10",
                "--slides", "17");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Wrote 25 articles (425 slides) in 3 files");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("corpus-00001.json",
                    "corpus-00002.json", "corpus-00003.json");
        }
        assertThat(read(List.of(dir.resolve("corpus-00001.json")))).first()
            .extracting(Article::id)
            .isEqualTo("gen-5-1");

        assertThat(new CommandLine(new GenerateCommand()).setErr(new PrintWriter(new StringWriter()))
            .execute("--count", "5", "--output", dir.toString(), "--per-file", "0")).isEqualTo(2);
        assertThat(new CommandLine(new GenerateCommand()).setErr(new PrintWriter(new StringWriter()))
            .execute("--output", dir.toString())).isEqualTo(2);
        assertThatThrownBy(() -> new CorpusGenerator(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

}
