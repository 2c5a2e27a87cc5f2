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
 * @param cover its cover, or {@code null} before one is made ({@link #withCover})
 */
public record Story(String id, Meta meta, List<String> intro, List<Slide> slides, List<CreditLine> credits,
        Related related, Cover cover) {

    public Story {
        intro = List.copyOf(intro);
        slides = List.copyOf(slides);
        credits = List.copyOf(credits);
    }

    /** A story without a cover yet. */
    public Story(String id, Meta meta, List<String> intro, List<Slide> slides, List<CreditLine> credits,
            Related related) {
        this(id, meta, intro, slides, credits, related, null);
    }

    /** This story with {@code cover}. */
    public Story withCover(Cover cover) {
        return new Story(id, meta, intro, slides, credits, related, cover);
    }

    /** Whether any slide has a picture in the book (not just its alt text). */
    public boolean hasPictures() {
        return slides.stream().anyMatch(s -> s.picture() != null && s.picture().embeddable());
    }

    /**
     * Whether every picture in the book has alt text of its own (true when there are
     * none); if not, some carry their slide's heading instead ({@link Slide#pictureAlt}).
     */
    public boolean picturesDescribed() {
        return slides.stream()
            .allMatch(s -> s.picture() == null || !s.picture().embeddable() || !s.picture().alt().isBlank());
    }

    /** The first embeddable picture of its slides, in order, or {@code null}. */
    public Picture leadPicture() {
        for (Slide slide : slides) {
            if (slide.picture() != null && slide.picture().embeddable()) {
                return slide.picture();
            }
        }
        return null;
    }
}
