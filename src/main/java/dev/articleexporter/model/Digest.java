package dev.articleexporter.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A nightly digest: the articles one run rendered, grouped by section like a periodical
 * issue.
 *
 * <p>
 * The digest holds what its title page and contents need, and for each article a way to
 * make its full {@link Story} again ({@link Entry#story()}): the formats are written in
 * one pass with {@code DigestWriter.writeAll}, which makes each article's story, pictures
 * included, once and drops it before the next, so a large digest never sits in memory
 * whole.
 *
 * @param fileStem its files are {@code fileStem.<extension>} in the output folder, one
 * per format of the run
 * @param title "Nightly digest — 25 November 2026"
 * @param date the run's date in its time zone
 * @param language BCP 47 tag of most of its articles (the first such in order when tied)
 * @param sections in order; the articles without a section come last, in a group of their
 * own
 * @param leftOut articles the run rendered that are not in it, because of {@code limit}
 * @param limit the most articles a digest holds ({@code exporter.digest.max-articles})
 * @param cover its cover, or {@code null} before one is made ({@link #withCover})
 */
public record Digest(String fileStem, String title, LocalDate date, String language, List<Section> sections,
        int leftOut, int limit, Cover cover) {

    /** What users call it: in titles, file names and messages. */
    public static final String NAME = "Nightly digest";

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    public Digest {
        sections = List.copyOf(sections);
    }

    /** A digest without a cover yet. */
    public Digest(String fileStem, String title, LocalDate date, String language, List<Section> sections, int leftOut,
            int limit) {
        this(fileStem, title, date, language, sections, leftOut, limit, null);
    }

    /** This digest with {@code cover}. */
    public Digest withCover(Cover cover) {
        return new Digest(fileStem, title, date, language, sections, leftOut, limit, cover);
    }

    /**
     * {@code digest-2026-11-25-run-7}: the date, then the run, so names sort by date and
     * never collide.
     */
    public static String fileStem(LocalDate date, long runId) {
        return "digest-" + date + "-run-" + runId;
    }

    /** "Nightly digest — 25 November 2026". */
    public static String title(LocalDate date) {
        return NAME + " — " + longDate(date);
    }

    /** "25 November 2026". */
    public static String longDate(LocalDate date) {
        return date.format(LONG_DATE);
    }

    public int articleCount() {
        return sections.stream().mapToInt(p -> p.articles().size()).sum();
    }

    /**
     * "3 articles in 2 sections" (the group of articles without a section counts as one).
     */
    public String extent() {
        int articles = articleCount();
        return articles + (articles == 1 ? " article" : " articles") + " in " + sections.size()
                + (sections.size() == 1 ? " section" : " sections");
    }

    /**
     * Why it holds fewer articles than the run rendered, or {@code null} when it holds
     * them all.
     */
    public String leftOutNote() {
        if (leftOut == 0) {
            return null;
        }
        int all = articleCount() + leftOut;
        return "This digest holds the " + articleCount() + " most recently published of the " + all
                + " articles the run exported (at most " + limit + "); "
                + (leftOut == 1 ? "the other one is in the output folder as a single file."
                        : "the other " + leftOut + " are in the output folder as single files.");
    }

    /**
     * One section of the digest.
     *
     * @param number 1-based, in the digest's order
     * @param name the articles' section, or a name for those without one ("More")
     */
    public record Section(int number, String name, List<Entry> articles) {

        public Section {
            articles = List.copyOf(articles);
        }
    }

    /**
     * One article of the digest.
     *
     * @param number 1-based, across the whole digest: names its pages and anchors
     * @param fileStem the article's own files are {@code fileStem.<extension>}, one per
     * format
     * @param title as its own files show it
     * @param section its section, or {@code null}
     * @param language its BCP 47 language tag
     * @param source makes its story again, from its input, with the export's rules
     */
    public record Entry(int number, String fileStem, String title, String section, String language, Source source) {

        /** The article's full story, made anew on every call. */
        public Story story() {
            return source.story();
        }
    }

    /**
     * Makes an article's story on demand, so only the article being written holds its
     * pictures.
     */
    @FunctionalInterface
    public interface Source {

        Story story();

    }
}
