package dev.articleexporter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --db} option: a path for the H2 file database ({@code ./data/exporter} makes
 * {@code ./data/exporter.mv.db}), or a whole JDBC URL for another database.
 */
record Database(String option) {

    static final String DEFAULT = "data/exporter";

    boolean isJdbcUrl() {
        return option.startsWith("jdbc:");
    }

    /** The H2 file path without H2's extension. */
    Path h2Path() {
        String path = option.endsWith(".mv.db") ? option.substring(0, option.length() - ".mv.db".length()) : option;
        return Path.of(path).toAbsolutePath().normalize();
    }

    Path h2File() {
        return Path.of(h2Path() + ".mv.db");
    }

    boolean exists() {
        return isJdbcUrl() || Files.exists(h2File());
    }

    String url() {
        return isJdbcUrl() ? option : "jdbc:h2:file:" + h2Path();
    }

    /** Where a human finds it, for messages. */
    String describe() {
        return isJdbcUrl() ? option : h2File().toString();
    }

    /** Spring properties that point the application at this database; the log file goes beside an H2 file. */
    Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url());
        // Batch's schema script has no IF NOT EXISTS: run it only on a new H2 file, so H2 does not log a failed
        // CREATE for every table on every run.
        properties.put("spring.batch.jdbc.initialize-schema", isJdbcUrl() || !exists() ? "always" : "never");
        if (!isJdbcUrl()) {
            properties.put("logging.file.name", h2Path().resolveSibling("article-exporter.log").toString());
        }
        return properties;
    }

    /**
     * An OS lock beside the H2 file, held for a whole export: a second export against the same
     * database is refused at once, before it waits on H2. {@code null} when another process holds
     * it; a no-op lock for JDBC URLs (their server arbitrates).
     */
    AutoCloseable lock() throws java.io.IOException {
        if (isJdbcUrl()) {
            return () -> { };
        }
        createFolder();
        var channel = java.nio.channels.FileChannel.open(Path.of(h2Path() + ".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        java.nio.channels.FileLock held = lock;
        return () -> {
            held.release();
            channel.close();
        };
    }

    void createFolder() throws java.io.IOException {
        if (!isJdbcUrl()) {
            Files.createDirectories(h2Path().getParent());
        }
    }
}
