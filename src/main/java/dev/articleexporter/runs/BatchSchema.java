package dev.articleexporter.runs;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's schema script ({@code schema-h2.sql}, {@code schema-postgresql.sql}, chosen by Boot from the
 * database) has no IF NOT EXISTS. Boot ignores its errors, but every run would still send nine failing CREATEs,
 * each an ERROR in the PostgreSQL server's log. So the script runs only while {@code BATCH_JOB_INSTANCE} is missing
 * from the connection's current schema.
 */
@Configuration(proxyBeanMethods = false)
class BatchSchema {

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource, BatchJdbcProperties properties) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return !exists(dataSource) && super.initializeDatabase();
            }
        };
    }

    /** Whether Batch's tables are there; when that cannot be told, {@code false}, and the script shows what is wrong. */
    static boolean exists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : List.of("BATCH_JOB_INSTANCE", "batch_job_instance")) {
                try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }
}
