package dev.articleexporter.history;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps each run's warnings and rejected inputs in the job repository database. */
@Repository
public class RunProblems {

    private static final int MAX_TEXT = 1000;

    private static final int MAX_MESSAGE = 4000;

    private final JdbcClient jdbc;

    public RunProblems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long jobExecutionId, Problem problem) {
        jdbc.sql(
                "INSERT INTO EXPORT_PROBLEM (JOB_EXECUTION_ID, KIND, INPUT_FILE, ARTICLE, MESSAGE) VALUES (?, ?, ?, ?, ?)")
            .params(jobExecutionId, problem.kind().name(), cut(problem.file(), MAX_TEXT),
                    cut(problem.article(), MAX_TEXT), cut(problem.message(), MAX_MESSAGE))
            .update();
    }

    /** The run's problems in the order they were met. */
    public List<Problem> of(long jobExecutionId) {
        return jdbc
            .sql("SELECT KIND, INPUT_FILE, ARTICLE, MESSAGE FROM EXPORT_PROBLEM WHERE JOB_EXECUTION_ID = ? ORDER BY ID")
            .param(jobExecutionId)
            .query((rs, n) -> new Problem(Problem.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getString(4)))
            .list();
    }

    /** The first {@code limit} problems of one kind, in the order they were met. */
    public List<Problem> of(long jobExecutionId, Problem.Kind kind, int limit) {
        return jdbc
            .sql("SELECT KIND, INPUT_FILE, ARTICLE, MESSAGE FROM EXPORT_PROBLEM WHERE JOB_EXECUTION_ID = ? AND KIND = ?"
                    + " ORDER BY ID FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
            .params(jobExecutionId, kind.name())
            .query((rs, n) -> new Problem(Problem.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getString(4)))
            .list();
    }

    /** How many problems of one kind a run had. */
    public long count(long jobExecutionId, Problem.Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM EXPORT_PROBLEM WHERE JOB_EXECUTION_ID = ? AND KIND = ?")
            .params(jobExecutionId, kind.name())
            .query(Long.class)
            .single();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
