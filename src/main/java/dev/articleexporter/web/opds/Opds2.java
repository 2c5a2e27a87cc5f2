package dev.articleexporter.web.opds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The OPDS 2.0 documents as Jackson writes them (https://drafts.opds.io/opds-2.0): a
 * feed, a publication, the Link Object. Empty and {@code null} members are left out, as
 * the specification asks of metadata ("should not contain any properties with a blank
 * value").
 */
final class Opds2 {

    private Opds2() {
    }

    /**
     * A catalog feed: {@code navigation} for navigation feeds, {@code publications} for
     * acquisition ones.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Feed(FeedMetadata metadata, List<Link> links, List<Link> navigation, List<Publication> publications) {
    }

    /**
     * @param numberOfItems total of a paged feed, with {@code itemsPerPage} and
     * {@code currentPage}; {@code null} when not paged
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record FeedMetadata(String identifier, String title, String modified, Long numberOfItems, Integer itemsPerPage,
            Long currentPage) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Publication(Metadata metadata, List<Link> links, List<Link> images) {
    }

    /**
     * A publication's metadata (Readium Web Publication Manifest).
     *
     * @param type {@code @type}, a schema.org type
     * @param published a date or date-time (RFC 3339)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Metadata(@JsonProperty("@type") String type, String identifier, String title, String author, String language,
            String modified, String published, String publisher, String subject, String description) {
    }

    /**
     * A Link Object.
     *
     * @param templated {@code true} for a URI template, else {@code null}
     * @param size bytes of the linked file, or {@code null}
     * @param properties {@code numberOfItems} of a linked feed, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Link(String rel, String href, String type, String title, Boolean templated, Integer width, Integer height,
            Long size, Properties properties) {

        static Link of(String rel, String href, String type, String title) {
            return new Link(rel, href, type, title, null, null, null, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Properties(Long numberOfItems) {
    }

}
