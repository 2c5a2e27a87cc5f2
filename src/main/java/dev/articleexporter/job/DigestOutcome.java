package dev.articleexporter.job;

import java.util.Arrays;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the nightly digest step did for a run that asked for one; kept in the step's
 * execution context, so the run's report (and the summary) can say it.
 *
 * @param fileStem the digest's files are {@code fileStem.<extension>} in the output
 * folder; {@code null} when none was written
 * @param extensions the extensions of its files, one per format of the run, in the order
 * of the formats' names
 * @param articles articles in it
 * @param sections sections in it
 * @param leftOut articles the run rendered beyond {@code exporter.digest.max-articles},
 * not in it
 * @param skipped articles left out because their input changed or vanished since they
 * were exported (each is a warning of the run)
 */
public record DigestOutcome(String fileStem, List<String> extensions, String title, int articles, int sections,
        int leftOut, int skipped) {

    private static final String PREFIX = "digest.";

    public DigestOutcome {
        extensions = List.copyOf(extensions);
    }

    /**
     * No digest: the run rendered nothing, or nothing it rendered could be read again.
     */
    static DigestOutcome none(int skipped) {
        return new DigestOutcome(null, List.of(), null, 0, 0, 0, skipped);
    }

    public boolean written() {
        return fileStem != null;
    }

    /**
     * "digest-2026-11-25-run-3.epub and .pdf": its files, for the summary; the stem alone
     * for a digest recorded before its formats were kept.
     */
    public String fileNames() {
        StringBuilder names = new StringBuilder(fileStem);
        for (int i = 0; i < extensions.size(); i++) {
            names.append(i == 0 ? "" : i == extensions.size() - 1 ? " and " : ", ")
                .append('.')
                .append(extensions.get(i));
        }
        return names.toString();
    }

    void store(ExecutionContext context) {
        if (fileStem != null) {
            context.putString(PREFIX + "file", fileStem);
            context.putString(PREFIX + "extensions", String.join(",", extensions));
            context.putString(PREFIX + "title", title);
        }
        context.putInt(PREFIX + "articles", articles);
        context.putInt(PREFIX + "sections", sections);
        context.putInt(PREFIX + "leftOut", leftOut);
        context.putInt(PREFIX + "skipped", skipped);
    }

    /**
     * What {@link #store} kept, or {@code null} when the step made no digest (it was not
     * asked to).
     */
    static DigestOutcome from(ExecutionContext context) {
        if (!context.containsKey(PREFIX + "articles")) {
            return null;
        }
        String extensions = context.getString(PREFIX + "extensions", "");
        return new DigestOutcome(context.getString(PREFIX + "file", null),
                extensions.isEmpty() ? List.of() : Arrays.asList(extensions.split(",")),
                context.getString(PREFIX + "title", null), context.getInt(PREFIX + "articles"),
                context.getInt(PREFIX + "sections"), context.getInt(PREFIX + "leftOut"),
                context.getInt(PREFIX + "skipped"));
    }
}
