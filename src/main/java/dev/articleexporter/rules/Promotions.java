package dev.articleexporter.rules;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.RelatedLink;
import dev.articleexporter.input.Article.Slide;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Takes promotion paragraphs ("Read More: …", "Also Read: …", "Read Next: …", "See Also:
 * …") out of the intro and slide text and appends them to the article's related links,
 * where {@link RelatedLinks} deduplicates them into the closing list.
 */
@Component
@Order(500)
public class Promotions implements ArticleRule {

    private static final Pattern PROMO = Pattern.compile(
            "^(?:read\\s+more|read\\s+also|also\\s+read|read\\s+next|see\\s+also|related(?:\\s+(?:article|story|reading))?"
                    + "|(?:don['’]t|do\\s+not)\\s+miss|must\\s+read|recommended(?:\\s+reading)?|you\\s+may\\s+also\\s+like)"
                    + "\\s*[:：]\\s*(\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public Article apply(Article article, RuleContext context) {
        List<RelatedLink> promos = new ArrayList<>();
        List<String> intro = keepText(article.intro(), promos);
        List<Slide> slides = article.slides().stream().map(s -> s.withBody(keepText(s.body(), promos))).toList();
        if (promos.isEmpty()) {
            return article;
        }
        List<RelatedLink> related = new ArrayList<>(article.related());
        related.addAll(promos);
        return article.withIntro(intro).withSlides(slides).withRelated(related);
    }

    private static List<String> keepText(List<String> paragraphs, List<RelatedLink> promos) {
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            Matcher m = PROMO.matcher(paragraph);
            if (m.matches()) {
                promos.add(new RelatedLink(null, m.group(1).strip(), null, null));
            }
            else {
                kept.add(paragraph);
            }
        }
        return kept;
    }

}
