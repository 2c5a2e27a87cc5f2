package dev.articleexporter.job;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's {@code exporter.*} properties and their defaults, in one place: the command
 * line's options default to the same constants ({@link Defaults}). Checked as they are
 * bound, so a bad value stops the start with a sentence naming the property. The formats
 * and rules own theirs, each registered by the bean that reads it
 * ({@code render.pdf.PdfProperties} for {@code exporter.pdf.*},
 * {@code rules.ImageProperties} for {@code exporter.images.*}), and {@code serve} its
 * {@code exporter.serve.*} ({@code web.ServeSettings}).
 *
 * @param threads partitions of a run, one thread each; 0: one per CPU core
 * @param progress show a progress bar (set by {@code export} when its output is a
 * terminal)
 */
@ConfigurationProperties("exporter")
public record ExporterProperties(@DefaultValue(Defaults.THREADS) int threads, @DefaultValue Render render,
        @DefaultValue Digest digest, @DefaultValue("false") boolean progress) {

    /** The defaults, as text for annotations (this record's and the command line's). */
    public static final class Defaults {

        public static final int MAX_THREADS = 64;

        public static final String THREADS = "0";

        public static final String TIME_LIMIT_SECONDS = "60";

        public static final String DIGEST_MAX_ARTICLES = "200";

        private Defaults() {
        }

    }

    public ExporterProperties {
        if (threads < 0 || threads > Defaults.MAX_THREADS) {
            throw new IllegalArgumentException("exporter.threads must be 0 (one per CPU core) or 1 to "
                    + Defaults.MAX_THREADS + ", not " + threads);
        }
    }

    /** How many partitions a run has. */
    public int partitions() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param timeLimit how long one article may take to be made and rendered in every
     * format; zero: no limit
     */
    public record Render(@DefaultValue(Defaults.TIME_LIMIT_SECONDS + "s") Duration timeLimit) {
    }

    /**
     * @param maxArticles the most articles the nightly digest holds (the most recently
     * published)
     * @param timeZone the zone of the digest's date; empty: the system's
     */
    public record Digest(@DefaultValue(Defaults.DIGEST_MAX_ARTICLES) int maxArticles,
            @DefaultValue("") String timeZone) {

        public Digest {
            if (maxArticles < 1) {
                throw new IllegalArgumentException(
                        "exporter.digest.max-articles must be at least 1, not " + maxArticles);
            }
            if (!timeZone.isBlank()) {
                try {
                    ZoneId.of(timeZone.strip());
                }
                catch (RuntimeException e) {
                    throw new IllegalArgumentException("exporter.digest.time-zone is not a time zone: " + timeZone);
                }
            }
        }

        public ZoneId zone() {
            return timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone.strip());
        }
    }
}
