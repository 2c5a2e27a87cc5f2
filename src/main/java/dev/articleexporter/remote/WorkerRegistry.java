package dev.articleexporter.remote;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workers alive and the partitions each runs, in the shared repository
 * ({@code REMOTE_WORKER}, {@code REMOTE_PARTITION} in runs/schema.sql): written by
 * workers, read by the manager. Beside Spring Batch's step executions, not in them: their
 * optimistic version would make a heartbeat race the step's own updates. Every time is
 * the database's clock, so machines whose clocks differ still agree.
 */
final class WorkerRegistry {

    private final JdbcTemplate jdbc;

    WorkerRegistry(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A worker that starts: its row, fresh. */
    void register(String workerId, String host, int consumers) {
        jdbc.update("DELETE FROM REMOTE_WORKER WHERE WORKER_ID = ?", workerId);
        jdbc.update("INSERT INTO REMOTE_WORKER (WORKER_ID, HOST, CONSUMERS, STARTED, LAST_SEEN) "
                + "VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", workerId, host, consumers);
    }

    /**
     * @return false when the row is gone (removed by hand): the caller registers again
     */
    boolean beat(String workerId) {
        return jdbc.update("UPDATE REMOTE_WORKER SET LAST_SEEN = CURRENT_TIMESTAMP WHERE WORKER_ID = ?", workerId) == 1;
    }

    /** A worker that stops cleanly: it runs nothing any more. */
    void remove(String workerId) {
        jdbc.update("DELETE FROM REMOTE_PARTITION WHERE WORKER_ID = ?", workerId);
        jdbc.update("DELETE FROM REMOTE_WORKER WHERE WORKER_ID = ?", workerId);
    }

    void claim(long stepExecutionId, String workerId) {
        jdbc.update("DELETE FROM REMOTE_PARTITION WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
        jdbc.update("INSERT INTO REMOTE_PARTITION (STEP_EXECUTION_ID, WORKER_ID, STARTED) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP)", stepExecutionId, workerId);
    }

    void release(long stepExecutionId) {
        jdbc.update("DELETE FROM REMOTE_PARTITION WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
    }

    /** How many workers were seen within {@code deadAfter}. */
    int alive(Duration deadAfter) {
        OffsetDateTime now = now();
        return (int) jdbc
            .query("SELECT LAST_SEEN FROM REMOTE_WORKER", (rs, row) -> rs.getObject(1, OffsetDateTime.class))
            .stream()
            .filter(seen -> !seen.plus(deadAfter).isBefore(now))
            .count();
    }

    /**
     * Who runs these step executions, and when each worker was last seen (empty when its
     * row is gone: it stopped).
     */
    Map<Long, Claim> claims(Collection<Long> stepExecutionIds) {
        if (stepExecutionIds.isEmpty()) {
            return Map.of();
        }
        String ids = stepExecutionIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, Claim> claims = new HashMap<>();
        jdbc.query("SELECT P.STEP_EXECUTION_ID, P.WORKER_ID, W.LAST_SEEN FROM REMOTE_PARTITION P "
                + "LEFT JOIN REMOTE_WORKER W ON W.WORKER_ID = P.WORKER_ID WHERE P.STEP_EXECUTION_ID IN (" + ids + ")",
                rs -> {
                    claims.put(rs.getLong(1),
                            new Claim(rs.getString(2), Optional.ofNullable(rs.getObject(3, OffsetDateTime.class))));
                });
        return claims;
    }

    OffsetDateTime now() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
    }

    /**
     * @param lastSeen empty: the worker's row is gone
     */
    record Claim(String workerId, Optional<OffsetDateTime> lastSeen) {

        boolean isDead(OffsetDateTime now, Duration deadAfter) {
            return lastSeen.map(seen -> seen.plus(deadAfter).isBefore(now)).orElse(true);
        }

    }

}
