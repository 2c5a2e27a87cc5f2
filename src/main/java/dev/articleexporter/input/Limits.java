package dev.articleexporter.input;

import dev.articleexporter.input.Article.Image;
import dev.articleexporter.input.Article.RelatedLink;
import dev.articleexporter.input.Article.Slide;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How large an article and its fields may be. Reading enforces the first group (an
 * article larger than {@link #ARTICLE_BYTES} is not read at all); binding
 * ({@link ArticleNode}, the same for {@code export} and {@code validate}) applies the
 * others through {@link #apply}: an article whose id or slide count is over the limit is
 * rejected, an over-long text is cut (at a word when one is near, ending with "…"), an
 * over-long address, date or language is left out, and an over-long list is shortened,
 * each with a warning. Lengths count characters (Unicode code points).
 */
public final class Limits {

    // Reading: one article as a whole.
    /**
     * Largest article, in bytes of JSON text (8 MB); larger ones are reported and not
     * read. Real articles are under 200 KB.
     */
    public static final int ARTICLE_BYTES = 8 * 1024 * 1024;

    /**
     * Most JSON values (texts, numbers, lists, objects, ...) one article may hold; bounds
     * the tree built of it.
     */
    public static final int VALUES = 200_000;

    /** Deepest nesting of lists and objects in an article. */
    public static final int NESTING = 200;

    // Binding: rejected.
    /** Longest id; a longer one rejects the article. */
    public static final int ID = 1_024;

    /**
     * Most slides; more reject the article. (A whole archive as one slideshow, 3,000
     * slides, is exported: LargeArticleTest.)
     */
    public static final int SLIDES = 10_000;

    // Binding: cut, with a warning.
    /** Longest title. */
    public static final int TITLE = 1_000;

    /** Longest site, section, author and breadcrumb. */
    public static final int NAME = 200;

    /**
     * Longest slide heading and credit, image alt text, related link label, title and
     * credit.
     */
    public static final int TEXT = 1_000;

    // Binding: left out, with a warning.
    /** Longest url, related link url and image src. */
    public static final int ADDRESS = 2_048;

    /** Longest publishedAt. */
    public static final int PUBLISHED_AT = 64;

    /** Longest language tag (then the default language applies). */
    public static final int LANGUAGE = 35;

    // Binding: only the first ones kept, with a warning.
    /** Most related links kept. */
    public static final int RELATED = 200;

    /** Most breadcrumbs kept. */
    public static final int BREADCRUMBS = 50;

    private static final char ELLIPSIS = '\u2026';

    private Limits() {
    }

    /**
     * An article within the limits.
     *
     * @param article the article, cut where needed (the same object when nothing was);
     * {@code null} when rejected
     * @param warnings what was cut or left out, one message per field
     * @param rejection why the article is rejected, or {@code null}
     */
    public record Outcome(Article article, List<String> warnings, String rejection) {
    }

    /** Applies the limits to a bound (and cleaned) article. */
    public static Outcome apply(Article article) {
        String id = composed(article.id());
        if (id != null && over(id, ID)) {
            return rejected(String.format(Locale.ROOT, "the id is %,d characters long; at most %,d are allowed",
                    length(id), ID));
        }
        if (article.slides().size() > SLIDES) {
            return rejected(String.format(Locale.ROOT, "the article has %,d slides; at most %,d are allowed",
                    article.slides().size(), SLIDES));
        }
        List<String> warnings = new ArrayList<>(0);
        String title = cut(article.title(), TITLE, "title", warnings);
        String site = cut(article.site(), NAME, "site", warnings);
        String section = cut(article.section(), NAME, "section", warnings);
        String author = cut(article.author(), NAME, "author", warnings);
        String url = leftOut(article.url(), ADDRESS, "url", warnings);
        String publishedAt = leftOut(article.publishedAt(), PUBLISHED_AT, "publishedAt", warnings);
        String language = leftOut(article.language(), LANGUAGE, "language", warnings);

        List<String> breadcrumbs = first(article.breadcrumbs(), BREADCRUMBS, "breadcrumbs", warnings);
        List<String> crumbs = new ArrayList<>(breadcrumbs.size());
        for (int i = 0; i < breadcrumbs.size(); i++) {
            crumbs.add(cut(breadcrumbs.get(i), NAME, "$.breadcrumbs[" + i + "]", warnings));
        }

        List<Slide> slides = new ArrayList<>(article.slides().size());
        for (int i = 0; i < article.slides().size(); i++) {
            Slide slide = article.slides().get(i);
            String at = "$.slides[" + i + "]";
            String heading = cut(slide.heading(), TEXT, at + ".heading", warnings);
            String credit = cut(slide.credit(), TEXT, at + ".credit", warnings);
            Image image = slide.image();
            if (image != null) {
                String src = leftOut(image.src(), ADDRESS, at + ".image.src", warnings);
                String alt = cut(image.alt(), TEXT, at + ".image.alt", warnings);
                image = src == image.src() && alt == image.alt() ? image : new Image(src, alt);
            }
            slides.add(heading == slide.heading() && credit == slide.credit() && image == slide.image() ? slide
                    : new Slide(heading, slide.body(), credit, image));
        }

        List<RelatedLink> kept = first(article.related(), RELATED, "related links", warnings);
        List<RelatedLink> related = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            RelatedLink link = kept.get(i);
            String at = "$.related[" + i + "]";
            String label = cut(link.label(), TEXT, at + ".label", warnings);
            String linkTitle = cut(link.title(), TEXT, at + ".title", warnings);
            String linkUrl = leftOut(link.url(), ADDRESS, at + ".url", warnings);
            String credit = cut(link.credit(), TEXT, at + ".credit", warnings);
            related.add(label == link.label() && linkTitle == link.title() && linkUrl == link.url()
                    && credit == link.credit() ? link : new RelatedLink(label, linkTitle, linkUrl, credit));
        }

        if (warnings.isEmpty() && java.util.Objects.equals(id, article.id())) {
            return new Outcome(article, List.of(), null);
        }
        return new Outcome(new Article(id, title, site, section, author, url, publishedAt, language, crumbs,
                article.intro(), slides, related), List.copyOf(warnings), null);
    }

    /**
     * An id in Unicode's composed form (NFC), so "e" + combining acute and "é" are the
     * same id. Cheap for the usual ids: only text with a character at or above U+0300 can
     * change.
     */
    public static String composed(String id) {
        if (id == null) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) >= '\u0300') {
                return Normalizer.normalize(id, Normalizer.Form.NFC);
            }
        }
        return id;
    }

    /**
     * The title as {@link #apply} leaves it (without the warning): what naming sees
     * before binding.
     */
    public static String title(String title) {
        return title != null && over(title, TITLE) ? shortened(title, TITLE) : title;
    }

    private static Outcome rejected(String reason) {
        return new Outcome(null, List.of(), reason);
    }

    private static boolean over(String text, int limit) {
        return text.length() > limit && text.codePointCount(0, text.length()) > limit;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String cut(String text, int limit, String field, List<String> warnings) {
        if (text == null || !over(text, limit)) {
            return text;
        }
        warnings.add(String.format(Locale.ROOT, "%s cut from %,d to %,d characters", field, length(text), limit));
        return shortened(text, limit);
    }

    /**
     * At most {@code limit} characters, the last one "…"; cut between words when a space
     * is within the last tenth.
     */
    private static String shortened(String text, int limit) {
        int end = text.offsetByCodePoints(0, limit - 1); // room for the ellipsis
        int floor = Math.max(0, end - Math.max(1, limit / 10));
        int cut = end;
        for (int i = end; i > floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                cut = i;
                break;
            }
        }
        int kept = cut;
        while (kept > 0 && Character.isWhitespace(text.charAt(kept - 1))) {
            kept--;
        }
        if (kept == 0) {
            kept = end;
        }
        return text.substring(0, kept) + ELLIPSIS;
    }

    private static String leftOut(String text, int limit, String field, List<String> warnings) {
        if (text == null || !over(text, limit)) {
            return text;
        }
        warnings.add(String.format(Locale.ROOT, "%s left out: it is %,d characters long; at most %,d are allowed",
                field, length(text), limit));
        return null;
    }

    private static <T> List<T> first(List<T> list, int limit, String what, List<String> warnings) {
        if (list.size() <= limit) {
            return list;
        }
        warnings.add(String.format(Locale.ROOT, "only the first %,d of %,d %s were kept", limit, list.size(), what));
        return list.subList(0, limit);
    }

}
