package dev.articleexporter.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A manager and its workers start together on a new PostgreSQL database: each process
 * creates Batch's tables and the history's, and none fails on another's CREATE (without
 * SchemaLock this test fails with "duplicate key value violates unique constraint
 * pg_type_typname_nsp_index").
 */
class SchemaLockPostgresTest {

    private String adminUrl;

    private String schema;

    @BeforeEach
    void freshSchema() throws Exception {
        adminUrl = System.getenv(PostgresRepositoryTest.URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: the PostgreSQL test must run; " + PostgresRepositoryTest.URL_VARIABLE + " is not set");
            }
            assumeTrue(false, "PostgreSQL test skipped: " + PostgresRepositoryTest.URL_VARIABLE + " is not set");
        }
        schema = "article_exporter_lock_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void processesStartingTogetherOnANewDatabaseAllGetTheirTables() throws Exception {
        String url = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        int starts = 4;
        CyclicBarrier together = new CyclicBarrier(starts);
        ExecutorService threads = Executors.newFixedThreadPool(starts);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                started.add(threads.submit(() -> {
                    // what each process's context does at start (BatchSchema's two beans)
                    DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
                    BatchJdbcProperties batch = new BatchJdbcProperties();
                    batch.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
                    SqlInitializationProperties history = new SqlInitializationProperties();
                    history.setMode(DatabaseInitializationMode.ALWAYS);
                    history.setSchemaLocations(List.of("classpath:runs/schema.sql"));
                    BatchSchema schemas = new BatchSchema();
                    together.await();
                    schemas.batchDataSourceInitializer(dataSource, batch).initializeDatabase();
                    schemas.dataSourceScriptDatabaseInitializer(dataSource, history).initializeDatabase();
                    return null;
                }));
            }
            for (Future<?> start : started) {
                start.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("BATCH_JOB_INSTANCE", "EXPORTED_ARTICLE", "INPUT_FILE_STAMP",
                    "REMOTE_WORKER")) {
                s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            }
        }
    }

}
