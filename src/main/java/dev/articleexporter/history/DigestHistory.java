package dev.articleexporter.history;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The nightly digests written into each output folder, each with the extensions of the
 * files it was written as (one per format of its run). What is served or listed is still
 * what is in the folder: a file removed by hand is not offered.
 */
@Repository
public class DigestHistory {

    private static final String COLUMNS = "SELECT FILE_STEM, TITLE, ARTICLES, CREATED, JOB_EXECUTION_ID, EXTENSIONS FROM EXPORT_EDITION ";

    private final JdbcClient jdbc;

    public DigestHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a digest whose files are in place.
     * @param extensions those of its files, {@code fileStem.<extension>}: one per format
     * of its run
     */
    public void record(long jobExecutionId, Path folder, String fileStem, String title, int articles,
            List<String> extensions) {
        jdbc.sql("INSERT INTO EXPORT_EDITION (JOB_EXECUTION_ID, OUTPUT_FOLDER, FILE_STEM, TITLE, ARTICLES, EXTENSIONS)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
            .params(jobExecutionId, Library.key(folder), fileStem, title, articles, String.join(",", extensions))
            .update();
    }

    /** One page of the folder's digests, newest first. */
    public List<Recorded> list(Path folder, int offset, int limit) {
        return jdbc
            .sql(COLUMNS + "WHERE OUTPUT_FOLDER = ? ORDER BY ID DESC OFFSET " + Math.max(0, offset)
                    + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
            .param(Library.key(folder))
            .query(DigestHistory::row)
            .list();
    }

    public long count(Path folder) {
        return jdbc.sql("SELECT COUNT(*) FROM EXPORT_EDITION WHERE OUTPUT_FOLDER = ?")
            .param(Library.key(folder))
            .query(Long.class)
            .single();
    }

    /**
     * The latest digest of this file name in the folder: what {@code /files/} may serve,
     * and how a restarted run knows not to record its digest twice.
     */
    public Optional<Recorded> find(Path folder, String fileStem) {
        return jdbc.sql(COLUMNS + "WHERE OUTPUT_FOLDER = ? AND FILE_STEM = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
            .params(Library.key(folder), fileStem)
            .query(DigestHistory::row)
            .optional();
    }

    /** The digest a run wrote, if it wrote one. */
    public Optional<Recorded> ofRun(long jobExecutionId) {
        return jdbc.sql(COLUMNS + "WHERE JOB_EXECUTION_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
            .param(jobExecutionId)
            .query(DigestHistory::row)
            .optional();
    }

    private static Recorded row(ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp(4);
        String extensions = rs.getString(6);
        return new Recorded(rs.getString(1), rs.getString(2), rs.getInt(3),
                created == null ? null : created.toInstant(), rs.getLong(5),
                extensions == null || extensions.isEmpty() ? List.of() : List.of(extensions.split(",")));
    }

    /**
     * A nightly digest.
     *
     * @param fileStem its files are {@code fileStem.<extension>} in the output folder,
     * one per format of its run
     * @param articles how many articles it holds
     * @param runId the run (job execution) whose articles it collects
     * @param extensions those of the files it was written as; empty when it was recorded
     * before they were (then it was written as EPUB and PDF)
     */
    public record Recorded(String fileStem, String title, int articles, Instant created, long runId,
            List<String> extensions) {

        public Recorded {
            extensions = List.copyOf(extensions);
        }
    }

}
