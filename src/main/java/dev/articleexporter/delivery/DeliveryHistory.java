package dev.articleexporter.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every delivery of a run to a recipient ({@code MAIL_DELIVERY}): one row per run,
 * recipient and item, written {@code SENDING} before the mail goes and {@code SENT} or
 * {@code FAILED} after, so a restarted process never sends a delivered item again.
 */
@Repository
public class DeliveryHistory {

    public static final String SENDING = "SENDING";

    public static final String SENT = "SENT";

    public static final String FAILED = "FAILED";

    private static final String COLUMNS = "SELECT JOB_EXECUTION_ID, RECIPIENT, ITEM, FILES, RESULT, MESSAGE_ID, ERROR,"
            + " ATTEMPTS, NEXT_ATTEMPT, UPDATED FROM MAIL_DELIVERY ";

    private final JdbcClient jdbc;

    public DeliveryHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One delivery.
     *
     * @param files the names of the files sent (or linked), in order
     * @param nextAttempt when a later run may retry a failed one
     */
    public record Record(long runId, String recipient, String item, List<String> files, String result, String messageId,
            String error, int attempts, Instant nextAttempt, Instant updated) {

        public Record {
            files = List.copyOf(files);
        }
    }

    public Optional<Record> find(long runId, String recipient, String item) {
        return jdbc.sql(COLUMNS + "WHERE JOB_EXECUTION_ID = ? AND RECIPIENT = ? AND ITEM = ?")
            .params(runId, recipient, item)
            .query(DeliveryHistory::row)
            .optional();
    }

    public List<Record> ofRun(long runId) {
        return jdbc.sql(COLUMNS + "WHERE JOB_EXECUTION_ID = ? ORDER BY ID")
            .param(runId)
            .query(DeliveryHistory::row)
            .list();
    }

    /** Failed deliveries of other runs that may be tried again now, oldest first. */
    public List<Record> due(long exceptRunId, Instant now, int maxAttempts) {
        return jdbc
            .sql(COLUMNS + "WHERE RESULT = 'FAILED' AND JOB_EXECUTION_ID <> ? AND ATTEMPTS < ?"
                    + " AND (NEXT_ATTEMPT IS NULL OR NEXT_ATTEMPT <= ?) ORDER BY ID")
            .params(exceptRunId, maxAttempts, Timestamp.from(now))
            .query(DeliveryHistory::row)
            .list();
    }

    /**
     * Records that the mail is about to go (counting the attempt), before it goes.
     * @return the attempt's number
     */
    public int sending(long runId, String recipient, String item, List<String> files, String messageId) {
        String names = joined(files);
        int updated = jdbc
            .sql("UPDATE MAIL_DELIVERY SET RESULT = 'SENDING', FILES = ?, MESSAGE_ID = ?, ERROR = NULL,"
                    + " ATTEMPTS = ATTEMPTS + 1, NEXT_ATTEMPT = NULL, UPDATED = CURRENT_TIMESTAMP"
                    + " WHERE JOB_EXECUTION_ID = ? AND RECIPIENT = ? AND ITEM = ?")
            .params(names, messageId, runId, recipient, item)
            .update();
        if (updated == 0) {
            jdbc.sql(
                    "INSERT INTO MAIL_DELIVERY (JOB_EXECUTION_ID, RECIPIENT, ITEM, FILES, RESULT, MESSAGE_ID, ATTEMPTS)"
                            + " VALUES (?, ?, ?, ?, 'SENDING', ?, 1)")
                .params(runId, recipient, item, names, messageId)
                .update();
        }
        return find(runId, recipient, item).map(Record::attempts).orElse(1);
    }

    public void sent(long runId, String recipient, String item) {
        jdbc.sql("UPDATE MAIL_DELIVERY SET RESULT = 'SENT', UPDATED = CURRENT_TIMESTAMP"
                + " WHERE JOB_EXECUTION_ID = ? AND RECIPIENT = ? AND ITEM = ?")
            .params(runId, recipient, item)
            .update();
    }

    public void failed(long runId, String recipient, String item, String error, Instant nextAttempt) {
        jdbc.sql("UPDATE MAIL_DELIVERY SET RESULT = 'FAILED', ERROR = ?, NEXT_ATTEMPT = ?, UPDATED = CURRENT_TIMESTAMP"
                + " WHERE JOB_EXECUTION_ID = ? AND RECIPIENT = ? AND ITEM = ?")
            .params(limit(error, 2000), Timestamp.from(nextAttempt), runId, recipient, item)
            .update();
    }

    private static String joined(List<String> files) {
        return limit(String.join("\n", files), 4000);
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Record row(ResultSet rs, int n) throws SQLException {
        String files = rs.getString(4);
        Timestamp next = rs.getTimestamp(9);
        Timestamp updated = rs.getTimestamp(10);
        return new Record(rs.getLong(1), rs.getString(2), rs.getString(3),
                files == null || files.isEmpty() ? List.of() : List.of(files.split("\n")), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), next == null ? null : next.toInstant(),
                updated == null ? null : updated.toInstant());
    }

}
