package dev.articleexporter.rules;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.Slide;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Drops a paragraph that repeats one earlier in the article word for word: scraped pages
 * repeat the teaser as the first slide's text, or a slide's text twice.
 */
@Component
@Order(700)
public class RepeatedParagraphs implements ArticleRule {

    @Override
    public Article apply(Article article, RuleContext context) {
        Set<String> seen = new HashSet<>();
        List<String> intro = article.intro().stream().filter(seen::add).toList();
        List<Slide> slides = article.slides()
            .stream()
            .map(s -> s.withBody(s.body().stream().filter(seen::add).toList()))
            .toList();
        return article.withIntro(intro).withSlides(slides);
    }

}
