package dev.articleexporter.digest;

import java.util.List;

/**
 * One article, cleaned and ready to render: the single format-neutral model every output
 * format is written from (credits normalised, promotions moved out of the text).
 *
 * @param id       safe file-name stem, unique within a run ({@code <id>.pdf}, {@code <id>.epub})
 * @param meta     bibliographic data
 * @param intro    intro paragraphs, possibly empty
 * @param sections one per slide, in order
 * @param credits  photo credits in order of first use, each with the slides it covers
 * @param related  "More from <site>" links, or {@code null} when there are none (or they were dropped)
 */
public record Digest(String id, Meta meta, List<String> intro, List<Section> sections,
                     List<CreditLine> credits, Related related) {

    public Digest {
        intro = List.copyOf(intro);
        sections = List.copyOf(sections);
        credits = List.copyOf(credits);
    }
}
