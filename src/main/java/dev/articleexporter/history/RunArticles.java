package dev.articleexporter.history;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles each run exported (or found unchanged), kept beside the job repository.
 */
@Repository
public class RunArticles {

    private static final String COLUMNS = "ARTICLE_ID, FILE_STEM, INPUT_ORIGIN, TITLE, SECTION, PUBLISHED, LANGUAGE, STATUS, CONTENT_HASH, SITE, AUTHOR, SUMMARY";

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    public RunArticles(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * One batch per chunk: a statement per article cost as much as a nightly re-run's own
     * work.
     */
    public void recordAll(long jobExecutionId, long jobInstanceId, Path outputFolder, List<ArticleRecord> articles) {
        String folder = outputFolder.toAbsolutePath().normalize().toString();
        jdbcTemplate.batchUpdate(
                "INSERT INTO EXPORTED_ARTICLE (JOB_EXECUTION_ID, JOB_INSTANCE_ID, FILE_STEM_KEY, " + COLUMNS
                        + ", OUTPUT_FOLDER) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                articles, articles.size(), (ps, article) -> {
                    ps.setLong(1, jobExecutionId);
                    ps.setLong(2, jobInstanceId);
                    // The reader's limits keep every field within its column
                    // (article.Limits); cut() is the last
                    // guard, so that no input can ever end a run with a SQL error.
                    ps.setString(3, cut(article.fileStem().toLowerCase(Locale.ROOT), 256));
                    ps.setString(4, cut(article.articleId(), 1024));
                    ps.setString(5, cut(article.fileStem(), 256));
                    ps.setString(6, cut(article.origin(), 1024));
                    ps.setString(7, cut(article.title(), 2000));
                    ps.setString(8, cut(article.section(), 500));
                    ps.setString(9, cut(article.published(), 40));
                    ps.setString(10, cut(article.language(), 40));
                    ps.setString(11, article.unchanged() ? "UNCHANGED" : "EXPORTED");
                    ps.setString(12, article.contentHash());
                    ps.setString(13, cut(article.site(), 500));
                    ps.setString(14, cut(article.author(), 500));
                    ps.setString(15, cut(article.summary(), 1000));
                    ps.setString(16, cut(folder, 1024));
                });
    }

    /**
     * The article the run (any of its executions) recorded under this file name, ignoring
     * case, if any.
     */
    public Optional<ArticleRecord> holder(long jobInstanceId, String fileStem) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ? AND FILE_STEM_KEY = ?"
                    + " FETCH FIRST 1 ROWS ONLY")
            .params(jobInstanceId, fileStem.toLowerCase(Locale.ROOT))
            .query(RunArticles::row)
            .optional();
    }

    /**
     * The latest record of the article written as {@code fileStem}, by any run. Ordered
     * by the columns of the index on (FILE_STEM, ID), though the name is fixed: then H2
     * reads the one row from the end of the index instead of sorting every night's row of
     * the name.
     */
    public Optional<ArticleRecord> latest(String fileStem) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM EXPORTED_ARTICLE WHERE FILE_STEM = ?"
                    + " ORDER BY FILE_STEM DESC, ID DESC FETCH FIRST 1 ROWS ONLY")
            .param(fileStem)
            .query(RunArticles::row)
            .optional();
    }

    /**
     * How many articles a run rendered, over all its executions (a resumed run has
     * several).
     */
    public long countRenderedInRun(long jobInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ? AND STATUS = 'EXPORTED'")
            .param(jobInstanceId)
            .query(Long.class)
            .single();
    }

    /**
     * The articles a run rendered, over all its executions, most recently published first
     * (those without a date last, the last exported first among equals), at most
     * {@code limit}: what a nightly digest with a size limit keeps.
     */
    public List<ArticleRecord> renderedInRun(long jobInstanceId, int limit) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ? AND STATUS = 'EXPORTED'"
                    + " ORDER BY PUBLISHED DESC NULLS LAST, ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
            .param(jobInstanceId)
            .query(RunArticles::row)
            .list();
    }

    /**
     * How many articles of a run were found unchanged and not rendered again (counted, or
     * kept once pruned).
     */
    public long unchanged(long jobExecutionId) {
        return jdbc.sql("SELECT " + unchangedCount("?"))
            .params(jobExecutionId, jobExecutionId, jobExecutionId)
            .query(Long.class)
            .single();
    }

    /**
     * SQL for the unchanged count of the run whose execution id is {@code executionId} (a
     * column or a parameter): its rows still there plus the count kept when they were
     * pruned ({@link #pruneUnchanged}).
     */
    public static String unchangedCount(String executionId) {
        return ("(SELECT COUNT(*) FROM EXPORTED_ARTICLE a WHERE a.JOB_EXECUTION_ID = {id} AND a.STATUS = 'UNCHANGED')"
                + " + (SELECT COALESCE(MAX(u.UNCHANGED), 0) FROM RUN_UNCHANGED u WHERE u.JOB_EXECUTION_ID = {id})"
                + " + (SELECT COALESCE(SUM(s.ARTICLES), 0) FROM INPUT_SKIPPED s WHERE s.JOB_EXECUTION_ID = {id})")
            .replace("{id}", executionId);
    }

    /**
     * Records input files a partition passed over unread (unchanged since their last
     * complete export): one row per run of consecutive files, with the count of their
     * articles this partition answers for, not a row per article.
     */
    public void recordSkipped(long jobExecutionId, long jobInstanceId, String firstFile, String lastFile, int files,
            long articles) {
        jdbc.sql("INSERT INTO INPUT_SKIPPED (JOB_EXECUTION_ID, JOB_INSTANCE_ID, FIRST_FILE, LAST_FILE, FILES, ARTICLES)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
            .params(jobExecutionId, jobInstanceId, firstFile, lastFile, files, articles)
            .update();
    }

    /**
     * The runs of input files a run (any of its executions) passed over, as
     * {@code {first, last}} file names: what a resumed run knows was skipped before.
     */
    public List<String[]> skipped(long jobInstanceId) {
        return jdbc.sql("SELECT FIRST_FILE, LAST_FILE FROM INPUT_SKIPPED WHERE JOB_INSTANCE_ID = ?")
            .param(jobInstanceId)
            .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
            .list();
    }

    /** Every article a run (all its executions) recorded, exported or unchanged. */
    public List<ArticleRecord> recordedInRun(long jobInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ?")
            .param(jobInstanceId)
            .query(RunArticles::row)
            .list();
    }

    /**
     * Drops the UNCHANGED rows of earlier completed runs, keeping each run's count in
     * RUN_UNCHANGED. Every night records every unchanged article (a 3,000-article archive
     * grew the H2 file by about 5 MB a night, for a year some 2 GB); what later runs need
     * of them is only their count, since the latest record of a name that matters is the
     * EXPORTED one they copied. Rows of a run that did not complete stay: resuming it
     * needs the names they hold. One transaction, so a count is never lost nor kept
     * twice.
     * @param currentJobInstanceId the run just finished, whose rows stay (the latest
     * run's detail)
     * @return how many rows were dropped
     */
    @Transactional
    public int pruneUnchanged(long currentJobInstanceId) {
        String earlierCompleted = "a.STATUS = 'UNCHANGED' AND a.JOB_INSTANCE_ID <> ? AND a.JOB_INSTANCE_ID IN"
                + " (SELECT e.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION e WHERE e.STATUS = 'COMPLETED')";
        jdbc.sql("INSERT INTO RUN_UNCHANGED (JOB_EXECUTION_ID, UNCHANGED) SELECT a.JOB_EXECUTION_ID, COUNT(*)"
                + " FROM EXPORTED_ARTICLE a WHERE " + earlierCompleted + " GROUP BY a.JOB_EXECUTION_ID")
            .param(currentJobInstanceId)
            .update();
        return jdbc.sql("DELETE FROM EXPORTED_ARTICLE a WHERE " + earlierCompleted)
            .param(currentJobInstanceId)
            .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static ArticleRecord row(ResultSet rs, int n) throws SQLException {
        return new ArticleRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(10), rs.getString(11), rs.getString(12),
                "UNCHANGED".equals(rs.getString(8)), rs.getString(9));
    }

}
