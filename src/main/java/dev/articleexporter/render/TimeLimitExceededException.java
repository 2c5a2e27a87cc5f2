package dev.articleexporter.render;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.openpdf.text.ExceptionConverter;

/**
 * An article took longer than its {@link TimeLimit}. Unchecked, so it passes through
 * renderers and libraries (OpenPDF wraps it in an {@link ExceptionConverter} at places:
 * {@link #in} finds it there), and never an {@link java.io.IOException}, which would read
 * as a disk failure.
 */
public class TimeLimitExceededException extends RuntimeException {

    private final Duration limit;

    public TimeLimitExceededException(Duration limit) {
        super("took longer than " + TimeLimit.describe(limit));
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    /**
     * This exception anywhere in {@code failure}'s causes (including OpenPDF's
     * {@link ExceptionConverter}, which does not set a cause, and suppressed exceptions).
     */
    public static Optional<TimeLimitExceededException> in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return find(failure, seen);
    }

    private static Optional<TimeLimitExceededException> find(Throwable t, Set<Throwable> seen) {
        for (; t != null && seen.add(t); t = t instanceof ExceptionConverter c ? c.getException() : t.getCause()) {
            if (t instanceof TimeLimitExceededException e) {
                return Optional.of(e);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<TimeLimitExceededException> found = find(suppressed, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

}
