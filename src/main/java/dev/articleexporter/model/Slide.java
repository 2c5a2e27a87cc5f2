package dev.articleexporter.model;

import java.util.List;

/**
 * One slide of the article.
 *
 * @param number 1-based slide number
 * @param heading the slide heading; never blank (a missing one becomes "Slide N")
 * @param picture the slide's image, or {@code null}
 * @param credit the photo credit without its label, normalised across the article, or
 * {@code null}
 * @param paragraphs body text, promotions removed, whitespace tidied
 */
public record Slide(int number, String heading, Picture picture, String credit, List<String> paragraphs) {

    public Slide {
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * The text alternative of its picture: the picture's alt text, else the slide's
     * heading, so no image reaches a reader without one ({@link Story#picturesDescribed}
     * tells which it was).
     */
    public String pictureAlt() {
        if (picture == null) {
            return null;
        }
        return picture.alt().isBlank() ? heading : picture.alt();
    }
}
