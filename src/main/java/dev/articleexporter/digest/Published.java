package dev.articleexporter.digest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Publication date as the input gave it: a date, or a date-time with its offset.
 *
 * @param date     the calendar date shown to readers
 * @param dateTime the full instant, or {@code null} when only a date was given
 */
public record Published(LocalDate date, OffsetDateTime dateTime) {

    private static final DateTimeFormatter W3CDTF = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    /** W3CDTF, as EPUB's {@code dc:date} wants it: {@code 2026-11-20} or {@code 2026-11-20T07:30:00Z}. */
    public String w3cdtf() {
        return dateTime == null ? date.toString() : W3CDTF.format(dateTime.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Long human form in the article's language, e.g. "20 November 2026". */
    public String display(Locale locale) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", locale));
    }
}
