package dev.articleexporter.digest;

import dev.articleexporter.model.Digest;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a nightly digest together from the articles chosen for it: sorts them as a reader
 * looks them up (by section, then title), groups them into sections (those without one
 * last), numbers them, and picks the digest's language. Only the model is involved: where
 * the articles come from, and whether they can still be read, is the caller's business
 * (the job reads them again from their inputs).
 */
public final class DigestMaker {

    /** The section of the articles without one, unless a real section has that name. */
    public static final String NO_SECTION = "More";
    static final String NO_SECTION_ALTERNATIVE = "Other articles";

    private DigestMaker() {
    }

    /**
     * One article offered to the digest, as its contents show it.
     *
     * @param fileStem its own files' name, without the extension
     * @param section its section, or {@code null}
     * @param language its BCP 47 tag, or {@code null} for English
     * @param source makes its full story when the digest is written
     */
    public record Candidate(String fileStem, String title, String section, String language, Digest.Source source) {
    }

    /**
     * @param articles the articles to include (any order)
     * @param leftOut how many more the run rendered, not offered because of {@code limit}
     * @param limit the most articles a digest holds
     * @return the digest; it has no articles when {@code articles} is empty
     */
    public static Digest make(String fileStem, LocalDate date, List<Candidate> articles, int leftOut, int limit) {
        List<Candidate> kept = new ArrayList<>(articles);
        kept.sort(readingOrder());

        String noSection = kept.stream().anyMatch(a -> NO_SECTION.equalsIgnoreCase(a.section()))
                ? NO_SECTION_ALTERNATIVE : NO_SECTION;
        Map<String, List<Digest.Entry>> groups = new LinkedHashMap<>();
        int number = 0;
        for (Candidate article : kept) {
            Digest.Entry entry = new Digest.Entry(++number, article.fileStem(), article.title(), article.section(),
                    article.language(), article.source());
            groups.computeIfAbsent(article.section() == null ? noSection : article.section(), s -> new ArrayList<>())
                .add(entry);
        }
        List<Digest.Section> sections = new ArrayList<>(groups.size());
        groups.forEach((name, entries) -> sections.add(new Digest.Section(sections.size() + 1, name, entries)));
        return new Digest(fileStem, Digest.title(date), date, language(kept), sections, leftOut, limit);
    }

    /**
     * Sections by name (the group without one last), then titles, as a reader looks them
     * up.
     */
    private static Comparator<Candidate> readingOrder() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        Comparator<String> text = (a, b) -> {
            int c = collator.compare(a, b);
            return c != 0 ? c : a.compareTo(b);
        };
        return Comparator.comparing(Candidate::section, Comparator.nullsLast(text))
            .thenComparing(Candidate::title, text)
            .thenComparing(Candidate::fileStem);
    }

    /**
     * The language most of the articles are in; the first of them in reading order when
     * tied.
     */
    private static String language(List<Candidate> articles) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Candidate a : articles) {
            counts.merge(a.language() == null ? "en" : a.language(), 1, Integer::sum);
        }
        String best = "en";
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

}
