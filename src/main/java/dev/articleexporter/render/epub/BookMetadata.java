package dev.articleexporter.render.epub;

import static dev.articleexporter.render.epub.Markup.plain;

import dev.articleexporter.model.BookIdentifier;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Story;
import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Date;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.Metadata;

/**
 * The package metadata of a story's own book: title, language, a stable identifier, date,
 * publisher, author, subject, blurb.
 */
final class BookMetadata {

    /**
     * Longest book description, in chars: readers show it as a blurb; an intro of
     * megabytes is not one.
     */
    static final int MAX_DESCRIPTION = 2000;

    private BookMetadata() {
    }

    static void fill(Metadata md, Story story, String lang) {
        Meta meta = story.meta();
        md.addTitle(plain(meta.title()));
        md.setLanguage(plain(lang));
        md.addIdentifier(new Identifier("uid", BookIdentifier.article(story.id())));
        if (meta.published() != null) {
            md.addDate(new Date(meta.published().w3cdtf(), Date.Event.PUBLICATION));
        }
        if (meta.site() != null) {
            md.addPublisher(plain(meta.site()));
        }
        if (meta.author() != null && !meta.author().equals(meta.site())) {
            md.addAuthor(person(plain(meta.author())));
        }
        else if (meta.site() != null) {
            // the site itself: an organisation sorts by its name, not "Dork, The Stock"
            md.addAuthor(organisation(plain(meta.site())));
        }
        if (meta.section() != null) {
            md.getSubjects().add(plain(meta.section()));
        }
        if (!story.intro().isEmpty()) {
            md.addDescription(plain(description(story.intro().getFirst())));
        }
    }

    /**
     * The first intro paragraph, cut after a word (with "…") if longer than
     * {@link #MAX_DESCRIPTION}.
     */
    static String description(String intro) {
        if (intro.length() <= MAX_DESCRIPTION) {
            return intro;
        }
        int end = MAX_DESCRIPTION - 1;
        if (Character.isLowSurrogate(intro.charAt(end))) {
            end--;
        }
        for (int i = end; i > MAX_DESCRIPTION / 2; i--) {
            if (Character.isWhitespace(intro.charAt(i))) {
                end = i;
                break;
            }
        }
        return intro.substring(0, end).stripTrailing() + "…";
    }

    /**
     * An organisation as author: its name whole, sorted by it (epub4j's author with only
     * a last name).
     */
    static Author organisation(String name) {
        return new Author("", name.strip());
    }

    /**
     * epub4j writes "first last" and file-as "last, first": split a person's name at its
     * last space.
     */
    private static Author person(String name) {
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new Author("", trimmed)
                : new Author(trimmed.substring(0, space).strip(), trimmed.substring(space + 1));
    }

}
