package dev.articleexporter.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articleexporter.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The job repository on a real PostgreSQL server, chosen by {@code --db <JDBC URL>}
 * alone. The server comes from {@code ARTICLE_EXPORTER_TEST_POSTGRES_URL} (a full JDBC
 * URL with user and password; {@code .ci/run} starts one on loopback and sets it). Each
 * test gets a fresh schema, dropped afterwards.
 */
class PostgresRepositoryTest {

    static final String URL_VARIABLE = "ARTICLE_EXPORTER_TEST_POSTGRES_URL";

    @TempDir
    Path work;

    private String adminUrl;

    private String schema;

    private String url;

    private String out;

    private String err;

    @BeforeEach
    void freshSchema() throws SQLException {
        adminUrl = System.getenv(URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            String how = URL_VARIABLE + " (a JDBC URL of a PostgreSQL server) is not set. .ci/run starts a throwaway"
                    + " server and sets it (see .ci/postgres.sh); or set it yourself, e.g."
                    + " jdbc:postgresql://127.0.0.1:5432/exporter?user=exporter&password=secret";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: the PostgreSQL test must run. " + how);
            }
            assumeTrue(false, "PostgreSQL test skipped: " + how);
        }
        schema = "article_exporter_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        url = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void exportsAreKeptInPostgresAndListedByRuns() throws IOException, SQLException {
        Path input = work.resolve("input");
        FileSystemUtils.copyRecursively(Path.of("input"), input);
        Path output = work.resolve("output");
        String[] export = { "export", "--input", input.toString(), "--output", output.toString(), "--db", url };

        assertThat(cli(export)).as("first export; stderr: %s", err).isZero();
        assertThat(out).contains("Run 1 COMPLETED", "3 read, 3 exported, 0 rejected, 1 warning.");
        assertThat(cli(export)).as("second export on the now existing schema; stderr: %s", err).isZero();
        // Nothing changed: the second run is incremental and renders nothing.
        assertThat(out).contains("Run 2 COMPLETED", "3 read, 0 exported, 3 unchanged, 0 rejected, 0 warnings.");
        if (adminUrl.toLowerCase(Locale.ROOT).contains("password=")) {
            String password = adminUrl.replaceAll("(?i).*password=([^&;]*).*", "$1");
            assertThat(out).as("the summary names the database without its password")
                .doesNotContain("password=" + password);
        }
        try (Stream<Path> files = Files.list(output)) {
            // Beside the outputs there is only the export's lock file.
            List<String> names = files.map(p -> p.getFileName().toString())
                .filter(n -> !n.startsWith("."))
                .sorted()
                .toList();
            // each article's two formats, its cover and thumbnail
            assertThat(names).hasSize(12)
                .allMatch(n -> n.endsWith(".pdf") || n.endsWith(".epub") || n.endsWith(".cover.jpg")
                        || n.endsWith(".thumb.jpg"));
        }

        // A third unchanged run: like the second, it passes over the stamped files.
        assertThat(cli(export)).as("third export; stderr: %s", err).isZero();
        assertThat(out).contains("Run 3 COMPLETED", "3 read, 0 exported, 3 unchanged, 0 rejected, 0 warnings.");

        assertThat(cli("runs", "--db", url)).as("runs; stderr: %s", err).isZero();
        // RUN ... STATUS READ EXPORTED UNCHANGED REJECTED WARNINGS
        Pattern first = Pattern.compile("^\\s+\\d+\\s+.*\\s+COMPLETED\\s+3\\s+3\\s+0\\s+0\\s+1$");
        Pattern second = Pattern.compile("^\\s+\\d+\\s+.*\\s+COMPLETED\\s+3\\s+0\\s+3\\s+0\\s+0$");
        assertThat(out.lines().filter(line -> first.matcher(line).matches())).as(out).hasSize(1);
        // runs 2 and 3
        assertThat(out.lines().filter(line -> second.matcher(line).matches())).as(out).hasSize(2);

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(count(s, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(3);
            assertThat(count(s, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(3);
            assertThat(count(s, "SELECT COUNT(DISTINCT JOB_EXECUTION_ID) FROM EXPORT_PROBLEM"
                    + " WHERE KIND = 'WARNING' AND INPUT_FILE LIKE 'briefs.json%' AND MESSAGE LIKE '%images/missing-photo.jpg: not found%'"))
                .isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM EXPORT_PROBLEM")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE STATUS = 'EXPORTED'")).isEqualTo(3);
            // run 3's: its files were passed over unread (stamped by run 1), counted per
            // file rather than recorded per article
            assertThat(count(s, "SELECT COUNT(*) FROM EXPORTED_ARTICLE WHERE STATUS = 'UNCHANGED'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM INPUT_FILE_STAMP")).isEqualTo(2);
            assertThat(count(s,
                    "SELECT SUM(k.ARTICLES) FROM INPUT_SKIPPED k JOIN BATCH_JOB_EXECUTION e"
                            + " ON e.JOB_EXECUTION_ID = k.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i"
                            + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE e.JOB_EXECUTION_ID ="
                            + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)"))
                .isEqualTo(3);
            // runs 2 and 3 passed over the same files
            assertThat(count(s, "SELECT COUNT(DISTINCT JOB_EXECUTION_ID) FROM INPUT_SKIPPED")).isEqualTo(2);
            // Everything went into this test's schema.
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name = 'batch_job_instance'"))
                .isEqualTo(1);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
