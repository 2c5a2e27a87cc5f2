package dev.articleexporter.rules;

import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;

import dev.articleexporter.input.Article;

/**
 * One processing rule, applied to every article before it becomes a {@link Story}. Rules
 * are Spring components; the set of rules is the set of beans and their order is their
 * {@link org.springframework.core.annotation.Order @Order}, so a rule is added or moved
 * by annotating one class. Rules are stateless and thread-safe.
 */
public interface ArticleRule {

    Article apply(Article article, RuleContext context);

    /**
     * What a rule may consult besides the article.
     *
     * @param relatedMode whether the closing "More from" list is kept
     * @param warnings where a rule reports what it could not fix
     */
    record RuleContext(RelatedMode relatedMode, Warnings warnings) {
    }

}
