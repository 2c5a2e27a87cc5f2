package dev.articleexporter.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Lets one process at a time create the tables of a PostgreSQL database: a manager and
 * its workers start together on a new database, and PostgreSQL's
 * {@code CREATE TABLE IF NOT EXISTS} fails ("duplicate key value violates unique
 * constraint pg_type_typname_nsp_index") when another session creates the same table at
 * that moment. A session-level advisory lock, held on a connection of its own while the
 * scripts run on others. H2 needs none: its file is opened by one process at a time.
 */
final class SchemaLock implements AutoCloseable {

    /** Any number, the same in every process of article-exporter. */
    private static final long KEY = 0x61727469636c65L;

    private final Connection connection;

    private SchemaLock(Connection connection) {
        this.connection = connection;
    }

    static SchemaLock take(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return new SchemaLock(null);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            return new SchemaLock(connection);
        }
        catch (SQLException e) {
            close(connection);
            throw new DataAccessResourceFailureException("cannot lock the database to create its tables", e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            }
            catch (SQLException e) {
                // closing the session below releases the lock too
            }
            close(connection);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException e) {
                // nothing more to release
            }
        }
    }

}
