package dev.articleexporter.model;

import java.util.List;

/**
 * Bibliographic data of a story. Only {@code title} and {@code language} are always
 * present; every other field may be {@code null} (lists are empty instead).
 *
 * @param language BCP 47 tag, {@code en} when the input gave none
 * @param keywords for document metadata: section, site and the like
 */
public record Meta(String title, String site, String section, String author, String url, Published published,
        String language, List<String> keywords) {

    public Meta {
        keywords = List.copyOf(keywords);
    }

    /**
     * Whether the language is written right to left: the one answer every format uses
     * ({@link WritingDirection}).
     */
    public boolean rightToLeft() {
        return WritingDirection.rightToLeft(language);
    }

    /** Who the document is by: the author, else the site, else {@code null}. */
    public String creator() {
        return author != null ? author : site;
    }
}
