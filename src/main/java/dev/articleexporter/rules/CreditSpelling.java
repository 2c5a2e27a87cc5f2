package dev.articleexporter.rules;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.RelatedLink;
import dev.articleexporter.input.Article.Slide;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One spelling per source across the article: "DepositPhotos", "Depositphotos" and
 * "DEPOSITPHOTOS" all become the spelling used most often, preferring mixed case over all
 * capitals or all lower case, then the first seen. Credits are compared ignoring case,
 * spaces and punctuation.
 */
@Component
@Order(400)
public class CreditSpelling implements ArticleRule {

    @Override
    public Article apply(Article article, RuleContext context) {
        Map<String, String> canonical = canonicalSpellings(article);
        if (canonical.isEmpty()) {
            return article;
        }
        Function<String, String> spell = credit -> credit == null ? null : canonical.getOrDefault(key(credit), credit);
        List<Slide> slides = article.slides().stream().map(s -> s.withCredit(spell.apply(s.credit()))).toList();
        List<RelatedLink> related = article.related()
            .stream()
            .map(r -> new RelatedLink(r.label(), r.title(), r.url(), spell.apply(r.credit())))
            .toList();
        return article.withSlides(slides).withRelated(related);
    }

    private static Map<String, String> canonicalSpellings(Article article) {
        // spelling -> how often, in order of first use
        Map<String, Integer> counts = new LinkedHashMap<>();
        article.slides().forEach(s -> count(counts, s.credit()));
        article.related().forEach(r -> count(counts, r.credit()));
        List<String> order = List.copyOf(counts.keySet());
        Comparator<String> best = Comparator.<String>comparingInt(counts::get)
            .reversed()
            .thenComparing(spelling -> isSingleCase(spelling) ? 1 : 0)
            .thenComparingInt(order::indexOf);
        Map<String, List<String>> byKey = counts.keySet()
            .stream()
            .collect(Collectors.groupingBy(CreditSpelling::key, HashMap::new, Collectors.toList()));
        Map<String, String> canonical = new HashMap<>();
        byKey.forEach((key, spellings) -> canonical.put(key, spellings.stream().min(best).orElseThrow()));
        return canonical;
    }

    private static void count(Map<String, Integer> counts, String credit) {
        if (credit != null) {
            counts.merge(credit, 1, Integer::sum);
        }
    }

    static String key(String credit) {
        return credit.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", "");
    }

    private static boolean isSingleCase(String spelling) {
        return spelling.equals(spelling.toUpperCase(Locale.ROOT)) || spelling.equals(spelling.toLowerCase(Locale.ROOT));
    }

}
