package dev.articleexporter.delivery;

import java.time.Duration;
import org.springframework.core.env.Environment;

/**
 * The delivery's own settings ({@code exporter.mail.*}).
 *
 * @param from the sender's address ({@code --mail-from} or {@code exporter.mail.from})
 * @param linkBase when set, a file over a subscriber's size limit is sent as a link
 * {@code <link-base>/files/<name>} (serve's file URLs) instead of in parts
 * @param retryDelay how long after a failed delivery a later run tries again; doubled at
 * each further failure
 * @param maxAttempts after that many failures later runs leave it ({@code deliver} still
 * tries)
 */
public record MailSettings(String from, String linkBase, Duration retryDelay, int maxAttempts) {

    private static final Duration LONGEST_DELAY = Duration.ofDays(1);

    public static MailSettings of(Environment environment) {
        String base = environment.getProperty("exporter.mail.link-base", "").strip();
        return new MailSettings(environment.getProperty("exporter.mail.from", "").strip(),
                base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                environment.getProperty("exporter.mail.retry-delay", Duration.class, Duration.ofMinutes(5)),
                environment.getProperty("exporter.mail.max-attempts", Integer.class, 8));
    }

    public MailSettings withFrom(String address) {
        return address == null || address.isBlank() ? this
                : new MailSettings(address.strip(), linkBase, retryDelay, maxAttempts);
    }

    /** When a delivery that failed for the {@code attempts}th time may be tried again. */
    public Duration backoff(int attempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

}
