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
 * Removes credit labels ("Credit:", "Credits:", "Photo Credit:", "Photo:", "Image:", any
 * case) so renderers can label credits one way. A body paragraph that is only a credit
 * line (as scraped pages have) becomes the slide's credit when it has none, and leaves
 * the text.
 */
@Component
@Order(300)
public class CreditLabels implements ArticleRule {

    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:photo(?:graph)?s?|image|picture)\\s+credits?|credits?|photo(?:graph)?s?|images?|pictures?)\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // In body text only the unambiguous labels count: "Photo: a man ..." may be a
    // caption.
    private static final Pattern CREDIT_PARAGRAPH = Pattern.compile(
            "^(?:(?:photo(?:graph)?s?|image|picture)\\s+credits?|credits?)\\s*[:：]\\s*(\\S.{0,79})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public Article apply(Article article, RuleContext context) {
        List<Slide> slides = article.slides().stream().map(CreditLabels::slide).toList();
        List<RelatedLink> related = article.related()
            .stream()
            .map(r -> new RelatedLink(r.label(), r.title(), r.url(), strip(r.credit())))
            .toList();
        return article.withSlides(slides).withRelated(related);
    }

    private static Slide slide(Slide slide) {
        String credit = strip(slide.credit());
        List<String> body = new ArrayList<>();
        for (String paragraph : slide.body()) {
            Matcher m = CREDIT_PARAGRAPH.matcher(paragraph);
            if (!m.matches()) {
                body.add(paragraph);
            }
            else if (credit == null) {
                credit = m.group(1).strip();
            }
            // else: a second credit line in the text repeats the slide's own; it goes
            // too.
        }
        return new Slide(slide.heading(), body, credit, slide.image());
    }

    /** The credit without its label, or {@code null} when nothing remains. */
    public static String strip(String credit) {
        if (credit == null) {
            return null;
        }
        String rest = credit.strip();
        // "Photo Credit: Credit: X" happens in feeds that prefix an already labelled
        // field.
        for (Matcher m = LABEL.matcher(rest); m.find(); m = LABEL.matcher(rest)) {
            rest = rest.substring(m.end());
        }
        rest = rest.strip();
        return rest.isEmpty() ? null : rest;
    }

}
