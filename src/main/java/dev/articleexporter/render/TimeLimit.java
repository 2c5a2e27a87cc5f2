package dev.articleexporter.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The time one article may take, from the start of its processing to its last format
 * written ({@code exporter.render.time-limit}). OpenPDF cannot be interrupted, so the
 * limit is cooperative: the stream a renderer writes into checks it on every write and
 * flush ({@link #guard}), and the renderers check it between blocks
 * ({@link #checkCurrent}); past the limit both throw {@link TimeLimitExceededException}.
 * A check is one {@link System#nanoTime()} call.
 *
 * <pre>{@code
 * TimeLimit limit = TimeLimit.start(Duration.ofSeconds(60));
 * try (TimeLimit.Scope scope = limit.enter()) {
 *     renderer.render(story, limit.guard(out), warnings);
 * }
 * }</pre>
 */
public final class TimeLimit {

    /**
     * The property that sets the limit, a {@link Duration} with its unit ({@code 60s},
     * {@code 2m}, {@code PT90S}): Spring reads a bare number as milliseconds.
     */
    public static final String PROPERTY = "exporter.render.time-limit";

    /** No limit at all. */
    public static final TimeLimit NONE = new TimeLimit(null, 0);

    private static final ThreadLocal<TimeLimit> CURRENT = new ThreadLocal<>();

    /** The limit, or {@code null} for none. */
    private final Duration limit;

    private final long limitNanos;

    private final long start;

    /** A check has failed (one article, one thread: no need for volatile). */
    private boolean tripped;

    private TimeLimit(Duration limit, long start) {
        this.limit = limit;
        this.limitNanos = limit == null ? Long.MAX_VALUE : saturatedNanos(limit);
        this.start = start;
    }

    /**
     * A limit running from now.
     * @param limit how long; {@code null}, zero or negative for no limit
     */
    public static TimeLimit start(Duration limit) {
        if (limit == null || limit.isZero() || limit.isNegative()) {
            return NONE;
        }
        return new TimeLimit(limit, System.nanoTime());
    }

    /** The limit, or {@code null} when there is none. */
    public Duration limit() {
        return limit;
    }

    public boolean expired() {
        return limit != null && System.nanoTime() - start >= limitNanos;
    }

    /**
     * @throws TimeLimitExceededException if the time is up
     */
    public void check() {
        if (expired()) {
            tripped = true;
            throw new TimeLimitExceededException(limit);
        }
    }

    /**
     * Whether a check has failed: a write was refused, so what was written through
     * {@link #guard} is incomplete, even if the renderer caught the exception and
     * returned as if all went well.
     */
    public boolean tripped() {
        return tripped;
    }

    /**
     * Checks the limit of the current thread's article, if it has one: for renderers,
     * between blocks of text. Costs a thread-local read and a clock read.
     * @throws TimeLimitExceededException if the time is up
     */
    public static void checkCurrent() {
        TimeLimit current = CURRENT.get();
        if (current != null) {
            current.check();
        }
    }

    /**
     * Makes this the current thread's limit until the scope is closed (then the previous
     * one is back).
     */
    public Scope enter() {
        TimeLimit previous = CURRENT.get();
        CURRENT.set(this);
        return new Scope(previous);
    }

    /** The current thread's limit while it is entered. */
    public static final class Scope implements AutoCloseable {

        private final TimeLimit previous;

        private Scope(TimeLimit previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }

    }

    /**
     * {@code out}, checking this limit before every write of an array and every flush
     * (renderers write buffered, so a check per 64 KB or per page), and every 8 KiB of
     * single-byte writes. Closing it closes {@code out} without a check. The exception it
     * throws is unchecked, not an {@link IOException}: a stream that tells disk failures
     * by their IOException does not take it for one. {@link #NONE} returns {@code out}
     * itself.
     */
    public OutputStream guard(OutputStream out) {
        Objects.requireNonNull(out, "out");
        return limit == null ? out : new Guarded(out, this);
    }

    private static final class Guarded extends FilterOutputStream {

        private final TimeLimit limit;

        private int singles;

        Guarded(OutputStream out, TimeLimit limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if ((++singles & 0x1FFF) == 0) {
                limit.check();
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            limit.check();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            limit.check();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

    }

    /** "60 s", "1.5 s", "250 ms": a limit as the messages say it. */
    public static String describe(Duration limit) {
        if (limit.compareTo(Duration.ofSeconds(1)) < 0) {
            long millis = limit.toMillis();
            return millis > 0 ? millis + " ms" : limit.toNanos() + " ns";
        }
        BigDecimal seconds = BigDecimal.valueOf(limit.getSeconds()).add(BigDecimal.valueOf(limit.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + " s";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        }
        catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return limit == null ? "no time limit" : String.format(Locale.ROOT, "time limit %s", describe(limit));
    }

}
