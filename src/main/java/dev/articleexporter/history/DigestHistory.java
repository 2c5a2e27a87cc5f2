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
 * The nightly digests written into each output folder. In the code a digest of many articles is an
 * <em>edition</em>, since {@code Story} is already one article's model.
 */
@Repository
public class DigestHistory {

    private static final String COLUMNS = "SELECT FILE_STEM, TITLE, ARTICLES, CREATED, JOB_EXECUTION_ID FROM EXPORT_EDITION ";

    private final JdbcClient jdbc;

    public DigestHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an edition whose files ({@code fileStem.epub}, {@code fileStem.pdf}) are in place. */
    public void record(long jobExecutionId, Path folder, String fileStem, String title, int articles) {
        jdbc.sql("INSERT INTO EXPORT_EDITION (JOB_EXECUTION_ID, OUTPUT_FOLDER, FILE_STEM, TITLE, ARTICLES) VALUES (?, ?, ?, ?, ?)")
                .params(jobExecutionId, Library.key(folder), fileStem, title, articles).update();
    }

    /** One page of the folder's editions, newest first. */
    public List<Recorded> list(Path folder, int offset, int limit) {
        return jdbc.sql(COLUMNS + "WHERE OUTPUT_FOLDER = ? ORDER BY ID DESC OFFSET " + Math.max(0, offset)
                        + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .param(Library.key(folder)).query(DigestHistory::row).list();
    }

    public long count(Path folder) {
        return jdbc.sql("SELECT COUNT(*) FROM EXPORT_EDITION WHERE OUTPUT_FOLDER = ?").param(Library.key(folder))
                .query(Long.class).single();
    }

    /**
     * The latest edition of this file name in the folder: what {@code /files/} may serve, and how a
     * restarted run knows not to record its edition twice.
     */
    public Optional<Recorded> find(Path folder, String fileStem) {
        return jdbc.sql(COLUMNS + "WHERE OUTPUT_FOLDER = ? AND FILE_STEM = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
                .params(Library.key(folder), fileStem).query(DigestHistory::row).optional();
    }

    /** The edition a run wrote, if it wrote one. */
    public Optional<Recorded> ofRun(long jobExecutionId) {
        return jdbc.sql(COLUMNS + "WHERE JOB_EXECUTION_ID = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY").param(jobExecutionId)
                .query(DigestHistory::row).optional();
    }

    private static Recorded row(ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp(4);
        return new Recorded(rs.getString(1), rs.getString(2), rs.getInt(3), created == null ? null : created.toInstant(),
                rs.getLong(5));
    }

    /**
     * A nightly digest.
     *
     * @param fileStem its files are {@code fileStem.epub} and {@code fileStem.pdf} in the output folder
     * @param articles how many articles it holds
     * @param runId    the run (job execution) whose articles it collects
     */
    public record Recorded(String fileStem, String title, int articles, Instant created, long runId) {
    }
}
