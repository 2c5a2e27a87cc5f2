package dev.articleexporter.model;

import java.util.List;

/**
 * One article, cleaned and ready to render: the single format-neutral model every output
 * format is written from (credits normalised, promotions moved out of the text).
 *
 * @param id safe file-name stem, unique within a run ({@code <id>.pdf},
 * {@code <id>.epub})
 * @param meta bibliographic data
 * @param intro intro paragraphs, possibly empty
 * @param slides one per slide of the input, in order
 * @param credits photo credits in order of first use, each with the slides it covers
 * @param related "More from <site>" links, or {@code null} when there are none (or they
 * were dropped)
 */
public record Story(String id, Meta meta, List<String> intro, List<Slide> slides, List<CreditLine> credits,
        Related related) {

    public Story {
        intro = List.copyOf(intro);
        slides = List.copyOf(slides);
        credits = List.copyOf(credits);
    }
}
