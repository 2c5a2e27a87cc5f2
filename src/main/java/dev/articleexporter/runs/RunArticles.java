package dev.articleexporter.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The articles each run exported (or found unchanged), kept beside the job repository. */
@Repository
public class RunArticles {

    private static final String COLUMNS = "ARTICLE_ID, FILE_STEM, INPUT_ORIGIN, TITLE, SECTION, PUBLISHED, LANGUAGE, STATUS, CONTENT_HASH";

    private final JdbcClient jdbc;

    public RunArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long jobExecutionId, long jobInstanceId, ExportedArticle article) {
        jdbc.sql("INSERT INTO EXPORTED_ARTICLE (JOB_EXECUTION_ID, JOB_INSTANCE_ID, FILE_STEM_KEY, " + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(jobExecutionId, jobInstanceId, article.fileStem().toLowerCase(Locale.ROOT), article.articleId(),
                        article.fileStem(), article.origin(),
                        article.title(), article.section(), article.published(), article.language(),
                        article.unchanged() ? "UNCHANGED" : "EXPORTED", article.contentHash())
                .update();
    }

    /** Where the run (any of its executions) read the article it recorded with this id, if any. */
    public Optional<String> originOfId(long jobInstanceId, String articleId) {
        return jdbc.sql("SELECT INPUT_ORIGIN FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ? AND ARTICLE_ID = ? FETCH FIRST 1 ROWS ONLY")
                .params(jobInstanceId, articleId).query(String.class).optional();
    }

    /** Whether the run already recorded an article under this file name, ignoring case. */
    public boolean nameTaken(long jobInstanceId, String fileStem) {
        return jdbc.sql("SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ? AND FILE_STEM_KEY = ?")
                .params(jobInstanceId, fileStem.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    /** The latest record of the article written as {@code fileStem}, by any run. */
    public Optional<ExportedArticle> latest(String fileStem) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM EXPORTED_ARTICLE WHERE FILE_STEM = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
                .param(fileStem)
                .query(RunArticles::row)
                .optional();
    }

    /** How many articles of a run were found unchanged and not rendered again. */
    public long unchanged(long jobExecutionId) {
        return jdbc.sql("SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE JOB_EXECUTION_ID = ? AND STATUS = 'UNCHANGED'")
                .param(jobExecutionId).query(Long.class).single();
    }

    private static ExportedArticle row(ResultSet rs, int n) throws SQLException {
        return new ExportedArticle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), "UNCHANGED".equals(rs.getString(8)), rs.getString(9));
    }
}
