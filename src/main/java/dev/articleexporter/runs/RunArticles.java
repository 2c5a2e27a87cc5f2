package dev.articleexporter.runs;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The articles each run exported, kept beside the job repository. */
@Repository
public class RunArticles {

    private final JdbcClient jdbc;

    public RunArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long jobExecutionId, long jobInstanceId, ExportedArticle article) {
        jdbc.sql("""
                INSERT INTO EXPORTED_ARTICLE (JOB_EXECUTION_ID, JOB_INSTANCE_ID, ARTICLE_ID, FILE_STEM, INPUT_ORIGIN, TITLE,
                                              SECTION, PUBLISHED, LANGUAGE)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jobExecutionId, jobInstanceId, article.articleId(), article.fileStem(), article.origin(),
                        article.title(), article.section(), article.published(), article.language())
                .update();
    }

    /** What earlier executions of the same run (before a restart) already exported, in order. */
    public List<ExportedArticle> ofInstance(long jobInstanceId) {
        return jdbc.sql("""
                SELECT ARTICLE_ID, FILE_STEM, INPUT_ORIGIN, TITLE, SECTION, PUBLISHED, LANGUAGE
                FROM EXPORTED_ARTICLE WHERE JOB_INSTANCE_ID = ? ORDER BY ID""")
                .param(jobInstanceId)
                .query((rs, n) -> new ExportedArticle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}
