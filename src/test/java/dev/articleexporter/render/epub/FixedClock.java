package dev.articleexporter.render.epub;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * EPUB renderers whose books all say they were made at one moment
 * ({@code dcterms:modified}): two renders of the same input are the same bytes, even
 * across a second's turn.
 */
public final class FixedClock {

    /** The moment every book of these renderers is made. */
    public static final Instant MODIFIED = Instant.parse("2026-12-06T00:00:00Z");

    /** Late in that day: the book says the day only. */
    static final Clock CLOCK = Clock.fixed(MODIFIED.plusSeconds(86_399), ZoneOffset.UTC);

    private FixedClock() {
    }

    /** A renderer for tests outside this package (the digest's). */
    public static EpubRenderer renderer() {
        return new EpubRenderer(CLOCK);
    }

}
