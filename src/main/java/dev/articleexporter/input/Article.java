package dev.articleexporter.input;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * One article as the feed gives it (see {@code schema/article.schema.json}). Fields the
 * feed leaves out are {@code null}; lists are never {@code null}. Fields written as "a
 * string or an array of strings" in the input arrive here as lists.
 */
public record Article(String id, String title, String site, String section, String author, String url,
        String publishedAt, String language, List<String> breadcrumbs,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> intro, List<Slide> slides,
        List<RelatedLink> related) {

    public Article {
        breadcrumbs = listOf(breadcrumbs);
        intro = listOf(intro);
        slides = listOf(slides);
        related = listOf(related);
    }

    public Article withSection(String newSection) {
        return new Article(id, title, site, newSection, author, url, publishedAt, language, breadcrumbs, intro, slides,
                related);
    }

    public Article withIntro(List<String> newIntro) {
        return new Article(id, title, site, section, author, url, publishedAt, language, breadcrumbs, newIntro, slides,
                related);
    }

    public Article withSlides(List<Slide> newSlides) {
        return new Article(id, title, site, section, author, url, publishedAt, language, breadcrumbs, intro, newSlides,
                related);
    }

    public Article withRelated(List<RelatedLink> newRelated) {
        return new Article(id, title, site, section, author, url, publishedAt, language, breadcrumbs, intro, slides,
                newRelated);
    }

    /**
     * Copies that drop {@code null} elements, so rules never meet a null paragraph or
     * slide.
     */
    static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** One slide: heading, body paragraphs, photo credit and an optional image. */
    public record Slide(String heading,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> body, String credit,
            Image image) {

        public Slide {
            body = listOf(body);
        }

        public Slide withBody(List<String> newBody) {
            return new Slide(heading, newBody, credit, image);
        }

        public Slide withCredit(String newCredit) {
            return new Slide(heading, body, newCredit, image);
        }

        public Slide withHeading(String newHeading) {
            return new Slide(newHeading, body, credit, image);
        }
    }

    /**
     * @param src a path relative to the JSON file, or an http(s) address (never
     * downloaded)
     */
    public record Image(String src, String alt) {
    }

    /** A teaser for another article; {@code label} is e.g. "More from The Stock Dork". */
    public record RelatedLink(String label, String title, String url, String credit) {
    }
}
