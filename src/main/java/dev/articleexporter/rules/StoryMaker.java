package dev.articleexporter.rules;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.FileNames;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Published;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Warnings;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.RelatedLink;
import dev.articleexporter.rules.ArticleRule.RuleContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Turns an input {@link Article} into a {@link Story}: runs the {@link ArticleRule}s in
 * their declared order, then fills the format-neutral model (ids, dates, images, credits,
 * related).
 */
@Component
public class StoryMaker {

    private final List<ArticleRule> rules;

    private final ImageLoader images;

    /**
     * @param rules every rule bean, already sorted by {@code @Order} by Spring
     */
    public StoryMaker(List<ArticleRule> rules, ImageLoader images) {
        this.rules = List.copyOf(rules);
        this.images = images;
    }

    public List<ArticleRule> rules() {
        return rules;
    }

    /**
     * {@link #make(Article, Path, String, RelatedMode, Warnings)} with the name made from
     * the article alone.
     */
    public Story make(Article input, Path folder, RelatedMode relatedMode, Warnings warnings) {
        return make(input, folder, null, relatedMode, warnings);
    }

    /**
     * @param folder where the article's JSON file is; image paths are relative to it
     * @param stem the output name the run gave it, or {@code null} to make one from its
     * id or title
     * @throws InvalidArticleException when the article cannot be exported at all
     */
    public Story make(Article input, Path folder, String stem, RelatedMode relatedMode, Warnings warnings) {
        String title = TidyWhitespace.line(input.title());
        if (title == null) {
            throw new InvalidArticleException("the article has no title (\"title\" is required)");
        }
        String id = stem != null ? stem : FileNames.stem(input.id(), title);
        if (id == null) {
            throw new InvalidArticleException("neither its id nor its title gives a usable file name");
        }
        Article article = input;
        RuleContext context = new RuleContext(relatedMode, warnings);
        for (ArticleRule rule : rules) {
            article = rule.apply(article, context);
        }
        if (article.slides().isEmpty() && article.intro().isEmpty()) {
            warnings.add("the article has no intro and no slides: only its title is exported");
        }
        Meta meta = meta(article, title, warnings);
        List<Slide> slides = slides(article, folder, warnings);
        if (!article.slides().isEmpty() && allEmpty(article.slides(), slides)) {
            int count = slides.size();
            warnings.add((count == 1 ? "its only slide is empty" : "all " + count + " slides are empty")
                    + " (no heading, text or image): only the title "
                    + (article.intro().isEmpty() ? "is" : "and intro are") + " exported");
        }
        return new Story(id, meta, article.intro(), slides, creditLines(slides), related(article));
    }

    private static Meta meta(Article article, String title, Warnings warnings) {
        String site = TidyWhitespace.line(article.site());
        String section = TidyWhitespace.line(article.section());
        Set<String> keywords = new LinkedHashSet<>(SectionFromBreadcrumbs.sectionCrumbs(article.breadcrumbs(), title));
        Stream.of(section, site).filter(Objects::nonNull).forEach(keywords::add);
        return new Meta(title, site, section, TidyWhitespace.line(article.author()),
                webAddress(article.url(), "url", warnings), published(article.publishedAt(), warnings),
                language(article.language(), warnings), List.copyOf(keywords));
    }

    private List<Slide> slides(Article article, Path folder, Warnings warnings) {
        List<Slide> slides = new ArrayList<>();
        int number = 0;
        for (Article.Slide slide : article.slides()) {
            number++;
            String heading = slide.heading() == null ? "Slide " + number : slide.heading();
            Picture picture = images.load(slide.image(), folder, number, warnings);
            slides.add(new Slide(number, heading, picture, slide.credit(), slide.body()));
        }
        return slides;
    }

    /**
     * Whether no slide has anything of its own to show: a heading from the input (not the
     * made-up "Slide N"), a paragraph, a credit, or an image or its alt text. Rules have
     * run: blank text is gone.
     */
    private static boolean allEmpty(List<Article.Slide> inputs, List<Slide> slides) {
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            Picture picture = slide.picture();
            if (inputs.get(i).heading() != null || !slide.paragraphs().isEmpty() || slide.credit() != null
                    || (picture != null && (picture.embeddable() || !picture.alt().isEmpty()))) {
                return false;
            }
        }
        return true;
    }

    private static List<CreditLine> creditLines(List<Slide> slides) {
        Map<String, List<Integer>> slidesByCredit = new LinkedHashMap<>();
        for (Slide slide : slides) {
            if (slide.credit() != null) {
                slidesByCredit.computeIfAbsent(slide.credit(), c -> new ArrayList<>()).add(slide.number());
            }
        }
        return slidesByCredit.entrySet().stream().map(e -> new CreditLine(e.getKey(), e.getValue())).toList();
    }

    private static Related related(Article article) {
        if (article.related().isEmpty()) {
            return null;
        }
        String site = TidyWhitespace.line(article.site());
        String heading = site != null ? "More from " + site
                : article.related()
                    .stream()
                    .map(RelatedLink::label)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse("Related articles");
        List<Related.Link> links = article.related()
            .stream()
            .map(r -> new Related.Link(r.title(), webAddress(r.url(), null, null)))
            .toList();
        return new Related(heading, links);
    }

    /**
     * Only http(s) addresses become links: a "javascript:" or file address from a feed
     * never does.
     */
    private static String webAddress(String url, String field, Warnings warnings) {
        String tidy = TidyWhitespace.line(url);
        if (tidy == null) {
            return null;
        }
        String lower = tidy.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return tidy;
        }
        if (warnings != null) {
            warnings.add(field + " \"" + tidy + "\" is not an http(s) address; left out");
        }
        return null;
    }

    static Published published(String value, Warnings warnings) {
        String text = TidyWhitespace.line(value);
        if (text == null) {
            return null;
        }
        LocalDate date;
        OffsetDateTime at = null;
        try {
            at = OffsetDateTime.parse(text);
            date = at.toLocalDate();
        }
        catch (DateTimeParseException notOffset) {
            try {
                // A date-time without an offset: the feed's clock is unknown, so keep
                // only the date.
                date = LocalDateTime.parse(text).toLocalDate();
            }
            catch (DateTimeParseException notLocal) {
                try {
                    date = LocalDate.parse(text);
                }
                catch (DateTimeParseException notDate) {
                    warnings
                        .add("publishedAt \"" + text + "\" is not an ISO-8601 date or date-time; the date is left out");
                    return null;
                }
            }
        }
        Integer year = Published.outOfRangeYear(date, at);
        if (year != null) {
            boolean utc = year != date.getYear();
            warnings.add("publishedAt \"" + text + "\" falls in the year " + year + (utc ? " in UTC" : "")
                    + ", outside " + Published.FIRST_YEAR + " to " + Published.LAST_YEAR + "; the date is left out");
            return null;
        }
        return new Published(date, at);
    }

    /**
     * The longest language tag written: longer ones are cut to language, script and
     * region.
     */
    static final int MAX_LANGUAGE_TAG = 35;

    static String language(String value, Warnings warnings) {
        String tag = TidyWhitespace.line(value);
        if (tag == null) {
            return "en";
        }
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        if (locale.getLanguage().isEmpty()) {
            warnings.add("language \"" + tag + "\" is not a BCP 47 language tag; \"en\" is used");
            return "en";
        }
        String full = locale.toLanguageTag();
        if (full.length() <= MAX_LANGUAGE_TAG) {
            return full;
        }
        // Language (2-8 letters), script (4) and region (2-3): at most 17 characters.
        String shortTag;
        try {
            shortTag = new Locale.Builder().setLanguage(locale.getLanguage())
                .setScript(locale.getScript())
                .setRegion(locale.getCountry())
                .build()
                .toLanguageTag();
        }
        catch (IllformedLocaleException e) {
            shortTag = Locale.forLanguageTag(locale.getLanguage()).toLanguageTag();
        }
        String shown = tag.length() <= 60 ? tag : tag.substring(0, 59) + "…";
        warnings.add("language \"" + shown + "\" is longer than " + MAX_LANGUAGE_TAG + " characters; \"" + shortTag
                + "\" is used");
        return shortTag;
    }

}
