package dev.articleexporter.cli;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an exception chain into one sentence a person can act on; the log file keeps the
 * details.
 */
final class Failures {

    /** H2's "Database may be already in use". */
    private static final int H2_DATABASE_IN_USE = 90020;

    /**
     * H2's "File corrupted", "Unsupported database file version or invalid file header",
     * "Wrong password format".
     */
    private static final Set<Integer> H2_NOT_READABLE = Set.of(90030, 90048, 90049, 90050);

    /** H2's "Wrong user name or password": a database of someone else's. */
    private static final int H2_WRONG_USER = 28000;

    private Failures() {
    }

    static String describe(Throwable failure, Database database) {
        String name = database.describe();
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return "the history database " + name + " is in use by another article-exporter process;"
                        + " only one may use it at a time (is a run still going?)";
            }
            if (diskFull(t)) {
                return diskFull(database, t.getMessage());
            }
            if (!database.isJdbcUrl() && (t instanceof AccessDeniedException
                    || String.valueOf(t.getMessage()).contains("Permission denied"))) {
                return "the history database " + name + " cannot be opened: permission denied; run as a user who may"
                        + " write to " + database.h2Path().getParent();
            }
            if (!database.isJdbcUrl() && damaged(t)) {
                return "the history database " + name + " cannot be opened: it is damaged, or it is not an"
                        + " article-exporter database. Move it aside (mv " + name + " " + name
                        + ".damaged) and run again:"
                        + " the exported files are safe, and the next run starts a new history (rendering every article"
                        + " once). The log file beside it has the details.";
            }
            deepest = t;
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? deepest.toString() : message.lines().findFirst().orElse(message);
    }

    /**
     * "cannot write to the history database ...: the disk is full", naming the folder to
     * free.
     */
    static String diskFull(Database database, String reason) {
        String where = database.isJdbcUrl() ? database.describe() : database.h2Path().getParent().toString();
        return "cannot write to the history database " + database.describe() + ": " + plain(reason)
                + (database.isJdbcUrl() ? "" : "; free some space in " + where)
                + ". This run's record is incomplete; the next run resumes it.";
    }

    /** The disk (or quota) under a file is full. */
    static boolean diskFull(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no space left on device") || message.contains("disk quota exceeded")
                || message.contains("not enough space");
    }

    private static boolean damaged(Throwable t) {
        if (t instanceof SQLException sql
                && (H2_NOT_READABLE.contains(sql.getErrorCode()) || sql.getErrorCode() == H2_WRONG_USER)) {
            return true;
        }
        // H2's storage layer, when the file ends early or holds something else: "Reading
        // from file ... failed".
        return t instanceof EOFException || (t.getClass().getName().startsWith("org.h2.mvstore.")
                && String.valueOf(t.getMessage()).startsWith("Reading from file"));
    }

    private static String plain(String reason) {
        if (reason == null) {
            return "the disk is full";
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        return lower.contains("quota") ? "the disk quota is exceeded" : "the disk is full (no space left on device)";
    }

}
