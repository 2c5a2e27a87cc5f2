package dev.articleexporter.digest;

import java.util.List;

/** One photo credit and the slide numbers it covers, for the closing credits list. */
public record CreditLine(String credit, List<Integer> slides) {

    public CreditLine {
        slides = List.copyOf(slides);
    }
}
