package dev.articleexporter.cli;

import java.sql.SQLException;

/** Turns an exception chain into one sentence a person can act on; the log file keeps the details. */
final class Failures {

    /** H2's "Database may be already in use". */
    private static final int H2_DATABASE_IN_USE = 90020;

    private Failures() {
    }

    static String describe(Throwable failure, String database) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return "the history database " + database + " is in use by another article-exporter process;"
                        + " only one may use it at a time (is a run still going?)";
            }
            deepest = t;
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? deepest.toString() : message.lines().findFirst().orElse(message);
    }
}
