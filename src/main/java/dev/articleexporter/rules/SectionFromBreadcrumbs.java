package dev.articleexporter.rules;

import dev.articleexporter.input.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When {@code section} is missing, takes it from the breadcrumbs: the most specific crumb
 * that is neither "Home", a page type ("Slideshow", "Gallery"), nor the truncated title
 * crumb that scraped pages end with ("Iraq’s Prime Minister Calls...", or the whole
 * title).
 */
@Component
@Order(200)
public class SectionFromBreadcrumbs implements ArticleRule {

    private static final Set<String> NOT_SECTIONS = Set.of("home", "homepage", "start", "slideshow", "slideshows",
            "gallery", "galleries", "photos", "photo gallery", "video", "videos", "article", "articles", "news");

    @Override
    public Article apply(Article article, RuleContext context) {
        if (TidyWhitespace.line(article.section()) != null) {
            return article;
        }
        List<String> crumbs = sectionCrumbs(article.breadcrumbs(), article.title());
        return crumbs.isEmpty() ? article : article.withSection(crumbs.getLast());
    }

    /** The crumbs that can name a section, general to specific. */
    public static List<String> sectionCrumbs(List<String> breadcrumbs, String title) {
        List<String> crumbs = new ArrayList<>();
        for (String crumb : breadcrumbs) {
            String tidy = TidyWhitespace.line(crumb);
            if (tidy != null && !tidy.equals("/") && !NOT_SECTIONS.contains(tidy.toLowerCase(Locale.ROOT))) {
                crumbs.add(tidy);
            }
        }
        if (!crumbs.isEmpty() && isTitle(crumbs.getLast(), title)) {
            crumbs.removeLast();
        }
        return crumbs;
    }

    /**
     * The last crumb of an article page is its (often truncated) title, not a section.
     */
    private static boolean isTitle(String crumb, String title) {
        if (crumb.endsWith("...") || crumb.endsWith("…")) {
            return true;
        }
        String tidyTitle = TidyWhitespace.line(title);
        return tidyTitle != null && tidyTitle.equalsIgnoreCase(crumb);
    }

}
