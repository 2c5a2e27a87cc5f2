package dev.articleexporter.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the page writes dates, times and sizes (a run's duration:
 * {@code RunSummaryFormat}): short, readable, in the server's time zone.
 */
final class Display {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
            Locale.ENGLISH);

    private final ZoneId zone;

    Display(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * An article's {@code publishedAt} (a date or a date-time, W3CDTF) as a day, or as
     * given when it is neither.
     */
    static String published(String w3cdtf) {
        if (w3cdtf == null || w3cdtf.isBlank()) {
            return "";
        }
        try {
            return w3cdtf.length() <= 10 ? DAY.format(LocalDate.parse(w3cdtf))
                    : DAY.format(OffsetDateTime.parse(w3cdtf));
        }
        catch (DateTimeException e) {
            return w3cdtf;
        }
    }

    String time(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(zone));
    }

    /** Spring Batch keeps times as the JVM's local time. */
    String time(LocalDateTime local) {
        return local == null ? "" : time(local.atZone(ZoneId.systemDefault()).toInstant());
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String iso(LocalDateTime local) {
        return local == null ? "" : iso(local.atZone(ZoneId.systemDefault()).toInstant());
    }

    String scheduled(ZonedDateTime next) {
        return WEEKDAY_TIME.format(next.withZoneSameInstant(zone)) + " (" + zone.getId() + ")";
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1000.0);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1_000_000_000.0);
    }

}
