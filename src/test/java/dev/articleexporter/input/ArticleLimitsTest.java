package dev.articleexporter.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Field limits, applied when an article is bound: the same for export and validation. */
class ArticleLimitsTest {

    private static ObjectNode article() {
        ObjectNode article = ArticleJson.MAPPER.createObjectNode();
        article.put("id", "a-1").put("title", "A title");
        return article;
    }

    private static ArticleNode node(ObjectNode tree) {
        return new ArticleNode(tree);
    }

    private static String words(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append("word").append(i % 10).append(' ');
        }
        text.setLength(length);
        return text.toString();
    }

    @Test
    void anOverlongIdIsRejected() {
        ArticleNode node = node(article().put("id", "i".repeat(5_000)));
        assertThat(node.rejection()).isEqualTo("the id is 5,000 characters long; at most 1,024 are allowed");
        assertThat(node.binds()).isFalse();
        assertThat(node(article().put("id", "i".repeat(1_024))).rejection()).isNull();
    }

    @Test
    void tooManySlidesAreRejected() {
        ObjectNode tree = article();
        ArrayNode slides = tree.putArray("slides");
        for (int i = 0; i < 10_001; i++) {
            slides.addObject().put("heading", "H" + i);
        }
        assertThat(node(tree).rejection()).isEqualTo("the article has 10,001 slides; at most 10,000 are allowed");
        ObjectNode fine = article();
        ArrayNode thousand = fine.putArray("slides");
        IntStream.range(0, 10_000).forEach(i -> thousand.addObject().put("heading", "H" + i));
        assertThat(node(fine).rejection()).isNull();
    }

    @Test
    void anOverlongTitleIsCutAtAWordWithAnEllipsis() {
        String title = words(5_000);
        ArticleNode node = node(article().put("title", title));
        Article bound = node.article();
        assertThat(bound.title()).endsWith("\u2026").hasSizeLessThanOrEqualTo(1_000).hasSizeGreaterThan(900);
        String kept = bound.title().substring(0, bound.title().length() - 1);
        assertThat(title).startsWith(kept);
        assertThat(title.charAt(kept.length())).isEqualTo(' '); // cut between words
        assertThat(kept).doesNotEndWith(" ");
        assertThat(node.warnings()).containsExactly("title cut from 5,000 to 1,000 characters");
        // What naming and partitions see before binding is what binding gives.
        assertThat(node(article().put("title", title)).title()).isEqualTo(bound.title());
    }

    @Test
    void aTitleWithoutSpacesIsCutAnywhereButNeverInsideACharacter() {
        // the emoji are two Java chars each
        String title = "x".repeat(998) + "\uD83D\uDE00".repeat(10);
        Article bound = node(article().put("title", title)).article();
        assertThat(bound.title()).isEqualTo("x".repeat(998) + "\uD83D\uDE00\u2026");
        assertThat(node(article().put("title", "x".repeat(990) + "\uD83D\uDE00".repeat(10))).warnings()).isEmpty();
    }

    @Test
    void namesAndBreadcrumbsAreCutAt200() {
        ObjectNode tree = article().put("site", words(300)).put("section", words(201)).put("author", words(250));
        tree.putArray("breadcrumbs").add("Home").add(words(400));
        ArticleNode node = node(tree);
        Article bound = node.article();
        assertThat(List.of(bound.site(), bound.section(), bound.author(), bound.breadcrumbs().get(1)))
            .allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(200).endsWith("\u2026"));
        assertThat(bound.breadcrumbs().get(0)).isEqualTo("Home");
        assertThat(node.warnings()).containsExactly("site cut from 300 to 200 characters",
                "section cut from 201 to 200 characters", "author cut from 250 to 200 characters",
                "$.breadcrumbs[1] cut from 400 to 200 characters");
    }

    @Test
    void slideAndRelatedTextsAreCutAt1000() {
        ObjectNode tree = article();
        ArrayNode slides = tree.putArray("slides");
        for (int i = 0; i < 3; i++) {
            slides.addObject().put("heading", "H");
        }
        ObjectNode slide = slides.addObject().put("heading", words(1_500)).put("credit", words(1_001));
        // paragraphs have no limit of their own
        slide.putArray("body").add(words(50_000));
        slide.putObject("image").put("src", "a.png").put("alt", words(2_000));
        tree.putArray("related")
            .addObject()
            .put("label", words(1_200))
            .put("title", words(1_300))
            .put("url", "https://example.com/")
            .put("credit", words(1_400));
        ArticleNode node = node(tree);
        Article bound = node.article();
        Article.Slide cut = bound.slides().get(3);
        assertThat(List.of(cut.heading(), cut.credit(), cut.image().alt(), bound.related().get(0).label(),
                bound.related().get(0).title(), bound.related().get(0).credit()))
            .allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(1_000).endsWith("\u2026"));
        assertThat(cut.body().get(0)).hasSize(50_000);
        assertThat(node.warnings()).containsExactly("$.slides[3].heading cut from 1,500 to 1,000 characters",
                "$.slides[3].credit cut from 1,001 to 1,000 characters",
                "$.slides[3].image.alt cut from 2,000 to 1,000 characters",
                "$.related[0].label cut from 1,200 to 1,000 characters",
                "$.related[0].title cut from 1,300 to 1,000 characters",
                "$.related[0].credit cut from 1,400 to 1,000 characters");
    }

    @Test
    void overlongAddressesDatesAndLanguagesAreLeftOut() {
        String longUrl = "https://example.com/" + "p".repeat(3_000);
        ObjectNode tree = article().put("url", longUrl)
            .put("publishedAt", "2025-01-01" + " ".repeat(90))
            .put("language", "en-" + "x".repeat(47));
        tree.putArray("slides").addObject().putObject("image").put("src", longUrl).put("alt", "Alt");
        ArrayNode related = tree.putArray("related");
        related.addObject().put("title", "Fine").put("url", "https://example.com/");
        related.addObject().put("title", "Long").put("url", longUrl);
        ArticleNode node = node(tree);
        Article bound = node.article();
        assertThat(bound.url()).isNull();
        assertThat(bound.publishedAt()).isNull();
        assertThat(bound.language()).isNull();
        assertThat(bound.slides().get(0).image().src()).isNull();
        assertThat(bound.slides().get(0).image().alt()).isEqualTo("Alt");
        assertThat(bound.related().get(0).url()).isEqualTo("https://example.com/");
        assertThat(bound.related().get(1).url()).isNull();
        assertThat(bound.related().get(1).title()).isEqualTo("Long");
        assertThat(node.warnings()).containsExactly(
                "url left out: it is 3,020 characters long; at most 2,048 are allowed",
                "publishedAt left out: it is 100 characters long; at most 64 are allowed",
                "language left out: it is 50 characters long; at most 35 are allowed",
                "$.slides[0].image.src left out: it is 3,020 characters long; at most 2,048 are allowed",
                "$.related[1].url left out: it is 3,020 characters long; at most 2,048 are allowed");
    }

    @Test
    void longListsAreShortened() {
        ObjectNode tree = article();
        ArrayNode related = tree.putArray("related");
        IntStream.range(0, 250).forEach(i -> related.addObject().put("title", "R" + i));
        ArrayNode crumbs = tree.putArray("breadcrumbs");
        IntStream.range(0, 80).forEach(i -> crumbs.add("C" + i));
        ArticleNode node = node(tree);
        assertThat(node.article().related()).hasSize(200)
            .last()
            .extracting(Article.RelatedLink::title)
            .isEqualTo("R199");
        assertThat(node.article().breadcrumbs()).hasSize(50).last().isEqualTo("C49");
        assertThat(node.warnings()).containsExactly("only the first 50 of 80 breadcrumbs were kept",
                "only the first 200 of 250 related links were kept");
    }

    @Test
    void anArticleWithinEveryLimitIsUnchanged() {
        ObjectNode tree = article().put("site", words(200))
            .put("url", "https://example.com/" + "p".repeat(2_000))
            .put("language", "en-GB");
        ArticleNode node = node(tree);
        assertThat(node.warnings()).isEmpty();
        assertThat(node.article().site()).isEqualTo(words(200));
    }

    @Test
    void idsAreComparedInTheirComposedForm() {
        ArticleNode composed = node(article().put("id", "caf\u00e9"));
        ArticleNode decomposed = node(article().put("id", "cafe\u0301"));
        assertThat(decomposed.id()).isEqualTo(composed.id()).isEqualTo("caf\u00e9");
        assertThat(decomposed.article().id()).isEqualTo("caf\u00e9");
        assertThat(node(article().put("id", 7)).id()).isEqualTo("7");
        assertThat(node(article().put("id", "plain-ascii")).id()).isEqualTo("plain-ascii");
    }

}
