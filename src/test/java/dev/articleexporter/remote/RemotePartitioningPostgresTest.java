package dev.articleexporter.remote;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The remote runs over PostgreSQL, the repository workers share in production (its
 * timestamps with time zone, the heartbeat's clock): a fresh schema per test, as
 * history.PostgresRepositoryTest; skipped without a server, failed under CI=true.
 */
class RemotePartitioningPostgresTest extends RemotePartitioningTest {

    private static final String URL_VARIABLE = "ARTICLE_EXPORTER_TEST_POSTGRES_URL";

    private String adminUrl;

    private String schema;

    @BeforeEach
    void freshSchema() throws SQLException {
        adminUrl = System.getenv(URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            String how = URL_VARIABLE + " (a JDBC URL of a PostgreSQL server) is not set; .ci/run sets it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: the PostgreSQL test must run. " + how);
            }
            assumeTrue(false, "PostgreSQL test skipped: " + how);
        }
        schema = "article_exporter_remote_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    RemoteContexts contexts() throws IOException {
        return new RemoteContexts(adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

}
