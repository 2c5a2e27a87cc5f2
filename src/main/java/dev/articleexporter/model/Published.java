package dev.articleexporter.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Publication date as the input gave it: a date, or a date-time with its offset.
 *
 * <p>
 * Years are 1 to 9999, also once a date-time is moved to UTC: W3CDTF and EPUB's
 * {@code dc:date} have four-digit years, so {@link #w3cdtf()} is at most 20 characters.
 *
 * @param date the calendar date shown to readers
 * @param dateTime the full instant, or {@code null} when only a date was given
 */
public record Published(LocalDate date, OffsetDateTime dateTime) {

    public static final int FIRST_YEAR = 1;

    public static final int LAST_YEAR = 9999;

    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'",
            Locale.ROOT);

    /**
     * @throws IllegalArgumentException when a year is outside {@link #FIRST_YEAR} to
     * {@link #LAST_YEAR} (see {@link #outOfRangeYear})
     */
    public Published {
        if (date == null) {
            throw new IllegalArgumentException("a publication date needs its date");
        }
        Integer year = outOfRangeYear(date, dateTime);
        if (year != null) {
            throw new IllegalArgumentException("the year " + year + " is outside " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }

    /**
     * The year that keeps {@code date} and {@code dateTime} from being a publication
     * date, or {@code null} when both fit: the date's year, else the year of the
     * date-time in UTC (which {@link #w3cdtf()} writes).
     */
    public static Integer outOfRangeYear(LocalDate date, OffsetDateTime dateTime) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            return date.getYear();
        }
        if (dateTime != null) {
            // Within a year of the date's, so moving it to UTC cannot overflow.
            int utcYear = dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            if (utcYear < FIRST_YEAR || utcYear > LAST_YEAR) {
                return utcYear;
            }
        }
        return null;
    }

    /**
     * W3CDTF, as EPUB's {@code dc:date} wants it: {@code 2026-11-20} or
     * {@code 2026-11-20T07:30:00Z}.
     */
    public String w3cdtf() {
        return dateTime == null ? date.toString() : W3CDTF.format(dateTime.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Long human form in the article's language, e.g. "20 November 2026". */
    public String display(Locale locale) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", locale));
    }
}
