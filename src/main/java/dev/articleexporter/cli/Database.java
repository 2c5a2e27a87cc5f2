package dev.articleexporter.cli;

import dev.articleexporter.job.ProcessLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code --db} option: a path for the H2 file database ({@code ./data/exporter} makes
 * {@code ./data/exporter.mv.db}), or a whole JDBC URL for another database
 * ({@code jdbc:postgresql://host:5432/db?user=...&password=...}).
 */
record Database(String option) {

    static final String DEFAULT = "data/exporter";

    /**
     * User name and password for a JDBC URL, when they are not (or should not be) in the
     * URL.
     */
    static final String USER_VARIABLE = "ARTICLE_EXPORTER_DB_USER";
    static final String PASSWORD_VARIABLE = "ARTICLE_EXPORTER_DB_PASSWORD";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    /**
     * What is wrong with the option as a database, in the words of a usage error, or
     * {@code null}. Checked before anything is created: an empty value would put the
     * database beside the current folder, and a folder is no database file.
     */
    static String problem(String option) {
        if (option == null || option.isBlank()) {
            return "--db is empty: give the path of the history database file (e.g. data/exporter) or a JDBC URL";
        }
        if (option.startsWith("jdbc:")) {
            return null;
        }
        Path path;
        try {
            path = new Database(option).h2Path();
        }
        catch (java.nio.file.InvalidPathException e) {
            return "--db " + option + " is not a valid file path";
        }
        if (path.getFileName() == null || option.endsWith("/") || option.endsWith(java.io.File.separator)
                || Files.isDirectory(path)) {
            return "--db " + option + " names a folder, not a database file: give a file name in it, e.g. "
                    + (path.getFileName() == null ? "/exporter" : path.resolve("exporter"));
        }
        return null;
    }

    boolean isJdbcUrl() {
        return option.startsWith("jdbc:");
    }

    /**
     * Whether other machines can use it too (a remote run's manager and workers share
     * it): a database server, not an H2 file or in-memory database of this process.
     */
    boolean isShared() {
        if (!isJdbcUrl()) {
            return false;
        }
        String url = option.toLowerCase(java.util.Locale.ROOT);
        return !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
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

    /**
     * Where a human finds it, for messages: a password in a URL is shown as {@code ***}.
     */
    String describe() {
        return isJdbcUrl() ? PASSWORD_IN_URL.matcher(option).replaceAll("$1***") : h2File().toString();
    }

    /**
     * Spring properties that point the application at this database; the log file goes
     * beside an H2 file.
     */
    Map<String, Object> springProperties() {
        return springProperties(System.getenv());
    }

    Map<String, Object> springProperties(Map<String, String> environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url());
        if (isJdbcUrl()) {
            // application.properties has H2's user (sa, no password). Another database
            // gets the user and password
            // from the environment, or else none at all, so that the driver takes them
            // from the URL. (PostgreSQL's
            // driver lets user= and password= in the URL win over these anyway.)
            boolean h2 = option.startsWith("jdbc:h2:");
            String user = environment.get(USER_VARIABLE);
            String password = environment.get(PASSWORD_VARIABLE);
            if (user != null || !h2) {
                properties.put("spring.datasource.username", user == null ? "" : user);
            }
            if (password != null || !h2) {
                properties.put("spring.datasource.password", password == null ? "" : password);
            }
        }
        // Batch's tables are made whenever one is missing (runs.BatchSchema), also in a
        // file a crash left without them.
        properties.put("spring.batch.jdbc.initialize-schema", "always");
        if (!isJdbcUrl()) {
            properties.put("logging.file.name", h2Path().resolveSibling("article-exporter.log").toString());
        }
        return properties;
    }

    /**
     * An OS lock beside the H2 file, held for a whole export: a second export against the
     * same database is refused at once, before it waits on H2. {@code null} when another
     * process holds it; a no-op lock for JDBC URLs (their server arbitrates).
     */
    AutoCloseable lock() throws java.io.IOException {
        if (isJdbcUrl()) {
            return () -> {
            };
        }
        createFolder();
        return ProcessLock.tryLock(Path.of(h2Path() + ".lock"));
    }

    void createFolder() throws java.io.IOException {
        if (!isJdbcUrl()) {
            Files.createDirectories(h2Path().getParent());
        }
    }
}
