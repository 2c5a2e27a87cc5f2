package dev.articleexporter.rules;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.RelatedLink;
import dev.articleexporter.model.RelatedMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deduplicates related links by title (ignoring case, spaces and punctuation; the first
 * keeps its place) and drops untitled ones; with {@code --related=drop} removes them all.
 */
@Component
@Order(600)
public class RelatedLinks implements ArticleRule {

    @Override
    public Article apply(Article article, RuleContext context) {
        if (context.relatedMode() == RelatedMode.DROP) {
            return article.withRelated(List.of());
        }
        Set<String> seen = new HashSet<>();
        List<RelatedLink> kept = new ArrayList<>();
        for (RelatedLink link : article.related()) {
            String title = TidyWhitespace.line(link.title());
            if (title != null && seen.add(key(title))) {
                kept.add(new RelatedLink(TidyWhitespace.line(link.label()), title, TidyWhitespace.line(link.url()),
                        link.credit()));
            }
        }
        return article.withRelated(kept);
    }

    private static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\p{Pi}\\p{Pf}\\s]+", "");
    }

}
