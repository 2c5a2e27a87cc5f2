package dev.articleexporter.model;

import java.util.List;

/** One photo credit and the slide numbers it covers, for the closing credits list. */
public record CreditLine(String credit, List<Integer> slides) {

    public CreditLine {
        slides = List.copyOf(slides);
    }

    /**
     * The slides as every format writes them: "slide 4", "slides 1–3, 5, 6". In order,
     * each once; three or more in a row as a range, two in a row as two numbers. One
     * place, so that the PDF and the EPUB of an article say the same.
     */
    public String slidesText() {
        List<Integer> sorted = slides.stream().distinct().sorted().toList();
        StringBuilder text = new StringBuilder(sorted.size() == 1 ? "slide " : "slides ");
        for (int i = 0; i < sorted.size();) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            text.append(i == 0 ? "" : ", ").append(sorted.get(i));
            if (j > i) {
                text.append(j == i + 1 ? ", " : "–").append(sorted.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }
}
