package dev.articleexporter.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.ApplicationDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.init.AbstractScriptDatabaseInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Spring Batch's tables, created whenever one of them is missing, not only in a new
 * database file. A process killed in its first second leaves an H2 file without them (or
 * with some), and a file cut short opens as an empty database: both must heal on the next
 * run rather than fail for good with "Table not found".
 *
 * <p>
 * Batch's own script ({@code schema-h2.sql}, {@code schema-postgresql.sql}, chosen by
 * Boot from the database) has no IF NOT EXISTS, so it could only run on an empty
 * database: it is run with every CREATE made conditional, which H2 and PostgreSQL both
 * accept. When every table is there nothing is sent at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SqlInitializationProperties.class)
class BatchSchema {

    /** Every table Batch 6's script creates. */
    static final List<String> TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
            "BATCH_JOB_EXECUTION_CONTEXT");

    /** And its sequences. */
    static final List<String> SEQUENCES = List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
            "BATCH_STEP_EXECUTION_SEQ");

    private static final Pattern CREATE = Pattern
        .compile("(?i)\\bCREATE\\s+(TABLE|SEQUENCE)\\s+(?!IF\\s+NOT\\s+EXISTS)");

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
            BatchJdbcProperties properties) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                try (SchemaLock lock = SchemaLock.take(dataSource)) {
                    return !complete(dataSource) && super.initializeDatabase();
                }
            }

            @Override
            protected void runScripts(AbstractScriptDatabaseInitializer.Scripts scripts) {
                List<Resource> idempotent = new ArrayList<>();
                for (Resource script : scripts) {
                    idempotent.add(new ByteArrayResource(idempotent(read(script)).getBytes(StandardCharsets.UTF_8),
                            script.getDescription()));
                }
                super.runScripts(new AbstractScriptDatabaseInitializer.Scripts(idempotent)
                    .continueOnError(scripts.isContinueOnError())
                    .separator(scripts.getSeparator())
                    .encoding(StandardCharsets.UTF_8));
            }
        };
    }

    /**
     * The history's own tables ({@code spring.sql.init}: runs/schema.sql), created under
     * the same lock as Batch's (Boot's initializer steps aside for this one).
     */
    @Bean
    ApplicationDataSourceScriptDatabaseInitializer dataSourceScriptDatabaseInitializer(DataSource dataSource,
            SqlInitializationProperties properties) {
        return new ApplicationDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                try (SchemaLock lock = SchemaLock.take(dataSource)) {
                    return super.initializeDatabase();
                }
            }
        };
    }

    /**
     * The script with {@code CREATE TABLE X} and {@code CREATE SEQUENCE X} made
     * {@code ... IF NOT EXISTS X}.
     */
    static String idempotent(String script) {
        return CREATE.matcher(script).replaceAll("CREATE $1 IF NOT EXISTS ");
    }

    private static String read(Resource script) {
        try {
            return script.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read Spring Batch's schema script " + script.getDescription(), e);
        }
    }

    /**
     * Whether all of Batch's tables are in the connection's current schema. When that
     * cannot be told, {@code false}: the script then runs, and says what is wrong.
     */
    static boolean complete(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : TABLES) {
                if (!exists(meta, connection, table)
                        && !exists(meta, connection, table.toLowerCase(java.util.Locale.ROOT))) {
                    return false;
                }
            }
            return sequences(connection) == SEQUENCES.size();
        }
        catch (SQLException e) {
            return false;
        }
    }

    /**
     * How many of Batch's sequences are in the current schema (the script makes them
     * last, after the tables).
     */
    private static int sequences(Connection connection) throws SQLException {
        String names = String.join("', '", SEQUENCES);
        try (var statement = connection.createStatement();
                ResultSet count = statement
                    .executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SEQUENCES WHERE UPPER(SEQUENCE_NAME) IN ('"
                            + names + "') AND SEQUENCE_SCHEMA = CURRENT_SCHEMA")) {
            return count.next() ? count.getInt(1) : 0;
        }
    }

    private static boolean exists(DatabaseMetaData meta, Connection connection, String table) throws SQLException {
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table,
                new String[] { "TABLE" })) {
            return tables.next();
        }
    }

}
