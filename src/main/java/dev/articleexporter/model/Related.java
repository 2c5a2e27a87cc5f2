package dev.articleexporter.model;

import java.util.List;

/**
 * The closing reading list: related links and the promotions taken out of the slide text,
 * deduplicated.
 *
 * @param heading e.g. "More from The Stock Dork"
 */
public record Related(String heading, List<Link> links) {

    public Related {
        links = List.copyOf(links);
    }

    /**
     * @param url absolute http(s) address, or {@code null} when the feed gave none
     */
    public record Link(String title, String url) {
    }
}
