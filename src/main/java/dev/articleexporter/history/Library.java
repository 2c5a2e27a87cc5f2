package dev.articleexporter.history;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The articles an output folder holds now, as the run history knows them: for each file
 * name, its latest rendering. What the download page and the OPDS catalog list.
 */
@Repository
public class Library {

    /**
     * The newest EXPORTED row of each file name in the folder (an UNCHANGED one has the
     * same content).
     */
    private static final String LATEST = """
            FROM EXPORTED_ARTICLE a
            WHERE a.OUTPUT_FOLDER = :folder AND a.STATUS = 'EXPORTED'
              AND NOT EXISTS (SELECT 1 FROM EXPORTED_ARTICLE b WHERE b.OUTPUT_FOLDER = a.OUTPUT_FOLDER
                              AND b.STATUS = 'EXPORTED' AND b.FILE_STEM = a.FILE_STEM AND b.ID > a.ID)
            """;

    private static final String COLUMNS = """
            SELECT a.FILE_STEM, a.ARTICLE_ID, a.TITLE, a.SECTION, a.PUBLISHED, a.LANGUAGE, a.SITE, a.AUTHOR, a.SUMMARY,
                   a.EXPORTED_AT, a.JOB_EXECUTION_ID
            """;

    private final JdbcClient jdbc;

    public Library(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the folder's articles, most recently rendered first.
     * @param filter what to match; {@link Filter#ALL} for everything
     */
    public List<LibraryEntry> articles(Path folder, Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(LATEST);
        where(sql, filter);
        sql.append(" ORDER BY a.EXPORTED_AT DESC, a.ID DESC OFFSET ")
            .append(Math.max(0, offset))
            .append(" ROWS FETCH FIRST ")
            .append(Math.max(1, limit))
            .append(" ROWS ONLY");
        return bind(jdbc.sql(sql.toString()), folder, filter).query(Library::row).list();
    }

    /** How many articles {@link #articles} would list without paging. */
    public long count(Path folder, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) ").append(LATEST);
        where(sql, filter);
        return bind(jdbc.sql(sql.toString()), folder, filter).query(Long.class).single();
    }

    /** The latest rendering of one file name in the folder. */
    public Optional<LibraryEntry> find(Path folder, String fileStem) {
        return jdbc.sql(COLUMNS + LATEST + " AND a.FILE_STEM = :stem")
            .param("folder", key(folder))
            .param("stem", fileStem)
            .query(Library::row)
            .optional();
    }

    /**
     * The sections of the folder's articles with how many each has, by name; articles
     * without one are left out.
     */
    public List<SectionCount> sections(Path folder) {
        return jdbc
            .sql("SELECT a.SECTION, COUNT(*) " + LATEST
                    + " AND a.SECTION IS NOT NULL GROUP BY a.SECTION ORDER BY a.SECTION")
            .param("folder", key(folder))
            .query((rs, n) -> new SectionCount(rs.getString(1), rs.getLong(2)))
            .list();
    }

    private static void where(StringBuilder sql, Filter filter) {
        if (filter.section() != null) {
            sql.append(" AND a.SECTION = :section");
        }
        if (filter.text() != null) {
            sql.append(
                    " AND (LOWER(a.TITLE) LIKE :text ESCAPE '\\' OR LOWER(COALESCE(a.SUMMARY, '')) LIKE :text ESCAPE '\\'"
                            + " OR LOWER(COALESCE(a.SITE, '')) LIKE :text ESCAPE '\\' OR LOWER(COALESCE(a.AUTHOR, '')) LIKE :text ESCAPE '\\')");
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Path folder, Filter filter) {
        statement = statement.param("folder", key(folder));
        if (filter.section() != null) {
            statement = statement.param("section", filter.section());
        }
        if (filter.text() != null) {
            statement = statement.param("text", "%" + likeEscape(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return statement;
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Output folders are recorded absolute and normalised, as in the run's parameters.
     */
    static String key(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }

    private static LibraryEntry row(ResultSet rs, int n) throws SQLException {
        Timestamp rendered = rs.getTimestamp(10);
        return new LibraryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rendered == null ? null : rendered.toInstant(), rs.getLong(11));
    }

    /**
     * Which articles to list.
     *
     * @param text words to find in the title, summary, site or author, ignoring case;
     * {@code null} for any
     * @param section exact section name; {@code null} for any
     */
    public record Filter(String text, String section) {

        public static final Filter ALL = new Filter(null, null);

        public Filter {
            text = text == null || text.isBlank() ? null : text.strip();
            section = section == null || section.isBlank() ? null : section;
        }
    }

    /** A section and how many articles it has. */
    public record SectionCount(String section, long articles) {
    }

    /**
     * One article of the library.
     *
     * @param fileStem its files are {@code fileStem.pdf}, {@code fileStem.epub}, ... in
     * the output folder
     * @param rendered when its files were last written
     * @param runId the run (job execution) that wrote them
     */
    public record LibraryEntry(String fileStem, String articleId, String title, String section, String published,
            String language, String site, String author, String summary, Instant rendered, long runId) {

        /** Who it is by, for catalogs: the author, else the site, else {@code null}. */
        public String creator() {
            return author != null ? author : site;
        }
    }

}
