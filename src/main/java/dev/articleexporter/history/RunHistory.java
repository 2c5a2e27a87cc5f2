package dev.articleexporter.history;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads past runs from Spring Batch's tables (and our problem table), newest first.
 * Counts are the sums of the export step's partitions, which are kept as each chunk
 * commits (the step itself only adds them up when it ends); runs from before partitioning
 * had the step alone.
 */
@Repository
public class RunHistory {

    private static final String SELECT = """
            SELECT e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_MESSAGE,
                   COALESCE(SUM(CASE WHEN s.STEP_NAME LIKE 'export-articles-partition%' THEN s.READ_COUNT END),
                            SUM(CASE WHEN s.STEP_NAME = 'export-articles' THEN s.READ_COUNT END), 0),
                   COALESCE(SUM(CASE WHEN s.STEP_NAME LIKE 'export-articles-partition%' THEN s.WRITE_COUNT END),
                            SUM(CASE WHEN s.STEP_NAME = 'export-articles' THEN s.WRITE_COUNT END), 0),
                   COALESCE(SUM(CASE WHEN s.STEP_NAME LIKE 'export-articles-partition%'
                                     THEN s.FILTER_COUNT + s.PROCESS_SKIP_COUNT + s.READ_SKIP_COUNT END),
                            SUM(CASE WHEN s.STEP_NAME = 'export-articles'
                                     THEN s.FILTER_COUNT + s.PROCESS_SKIP_COUNT + s.READ_SKIP_COUNT END), 0),
                   (SELECT COUNT(*) FROM EXPORT_PROBLEM p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.KIND = 'WARNING'),
                   {UNCHANGED}
            FROM BATCH_JOB_EXECUTION e
            LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            """
        .replace("{UNCHANGED}", RunArticles.unchangedCount("e.JOB_EXECUTION_ID"));

    private static final String GROUP = " GROUP BY e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_MESSAGE ";

    /**
     * The key of a partition's step execution context under which a remote run's worker
     * puts its id.
     */
    public static final String WORKER_ID = "worker.id";

    private static final String PARTITION_STEP = "export-articles-partition";

    private final JdbcClient jdbc;

    private final boolean h2;

    private final ObjectProvider<JobRepository> jobs;

    public RunHistory(JdbcClient jdbc, javax.sql.DataSource dataSource, ObjectProvider<JobRepository> jobs) {
        this.jdbc = jdbc;
        this.h2 = isH2(dataSource);
        this.jobs = jobs;
    }

    private static boolean isH2(javax.sql.DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
        catch (SQLException e) {
            return false; // the first statement will say what is wrong
        }
    }

    /**
     * Puts everything committed so far on the disk. H2 keeps recent commits in memory and
     * writes them to its file in the background: when that write fails (a full disk), the
     * commits still succeeded, and a run would report COMPLETED that the next start does
     * not find. This write is made now, so its failure is seen
     * ({@link org.springframework.dao.DataAccessException}). Other databases have written
     * every commit already.
     */
    public void flush() {
        if (h2) {
            jdbc.sql("CHECKPOINT SYNC").update();
        }
    }

    public List<RunSummary> recent(int limit) {
        return jdbc
            .sql(SELECT + GROUP + "ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
            .query(RunHistory::row)
            .list();
    }

    /**
     * The latest runs that wrote to this output folder (their {@code output} job
     * parameter), newest first.
     */
    public List<RunSummary> recent(Path output, int limit) {
        return jdbc.sql(SELECT + """
                WHERE EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                              AND p.PARAMETER_NAME = 'output' AND p.PARAMETER_VALUE = :output)""" + GROUP
                + "ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
            .param("output", Library.key(output))
            .query(RunHistory::row)
            .list();
    }

    public Optional<RunSummary> find(long executionId) {
        return jdbc.sql(SELECT + "WHERE e.JOB_EXECUTION_ID = ?" + GROUP)
            .param(executionId)
            .query(RunHistory::row)
            .optional();
    }

    /**
     * The partitions of a remote run with the worker that ran each, in partition order;
     * empty for a run of local threads (no partition has a worker id).
     */
    public List<RunSummary.Partition> partitions(long executionId) {
        JobRepository repository = jobs.getIfAvailable();
        JobExecution execution = repository == null ? null : repository.getJobExecution(executionId);
        if (execution == null) {
            return List.of();
        }
        List<RunSummary.Partition> partitions = execution.getStepExecutions()
            .stream()
            .filter(s -> s.getStepName().startsWith(PARTITION_STEP))
            .map(s -> new RunSummary.Partition(s.getStepName(), s.getStatus().name(), s.getReadCount(),
                    s.getWriteCount(), s.getFilterCount() + s.getProcessSkipCount() + s.getReadSkipCount(),
                    s.getExecutionContext().containsKey(WORKER_ID) ? s.getExecutionContext().getString(WORKER_ID)
                            : null))
            .sorted(Comparator.comparing(RunSummary.Partition::name, RunHistory::naturalOrder))
            .toList();
        return partitions.stream().anyMatch(p -> p.worker() != null) ? partitions : List.of();
    }

    /** {@code partition2} before {@code partition10}. */
    private static int naturalOrder(String a, String b) {
        String digitsA = a.replaceAll("\\D", "");
        String digitsB = b.replaceAll("\\D", "");
        if (!digitsA.isEmpty() && !digitsB.isEmpty() && digitsA.length() != digitsB.length()) {
            return Integer.compare(digitsA.length(), digitsB.length());
        }
        return a.compareTo(b);
    }

    private static RunSummary row(ResultSet rs, int n) throws SQLException {
        long unchanged = rs.getLong(10);
        return new RunSummary(rs.getLong(1), time(rs.getTimestamp(2)), time(rs.getTimestamp(3)), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getLong(7) - unchanged, unchanged, rs.getLong(8), rs.getLong(9));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

}
