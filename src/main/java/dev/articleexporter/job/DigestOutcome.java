package dev.articleexporter.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the nightly digest step did for a run that asked for one; kept in the step's execution
 * context, so the run's report (and the summary) can say it.
 *
 * @param fileStem the edition's files are {@code fileStem.epub} and {@code fileStem.pdf} in the output
 *                 folder; {@code null} when none was written
 * @param articles articles in it
 * @param sections sections in it
 * @param leftOut  articles the run rendered beyond {@code exporter.digest.max-articles}, not in it
 * @param skipped  articles left out because their input changed or vanished since they were exported
 *                 (each is a warning of the run)
 */
public record DigestOutcome(String fileStem, String title, int articles, int sections, int leftOut, int skipped) {

    private static final String PREFIX = "digest.";

    /** No edition: the run rendered nothing, or nothing it rendered could be read again. */
    static DigestOutcome none(int skipped) {
        return new DigestOutcome(null, null, 0, 0, 0, skipped);
    }

    public boolean written() {
        return fileStem != null;
    }

    void store(ExecutionContext context) {
        if (fileStem != null) {
            context.putString(PREFIX + "file", fileStem);
            context.putString(PREFIX + "title", title);
        }
        context.putInt(PREFIX + "articles", articles);
        context.putInt(PREFIX + "sections", sections);
        context.putInt(PREFIX + "leftOut", leftOut);
        context.putInt(PREFIX + "skipped", skipped);
    }

    /** What {@link #store} kept, or {@code null} when the step made no digest (it was not asked to). */
    static DigestOutcome from(ExecutionContext context) {
        if (!context.containsKey(PREFIX + "articles")) {
            return null;
        }
        return new DigestOutcome(context.getString(PREFIX + "file", null), context.getString(PREFIX + "title", null),
                context.getInt(PREFIX + "articles"), context.getInt(PREFIX + "sections"), context.getInt(PREFIX + "leftOut"),
                context.getInt(PREFIX + "skipped"));
    }
}
