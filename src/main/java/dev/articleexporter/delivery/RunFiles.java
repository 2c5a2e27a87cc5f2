package dev.articleexporter.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files a run left for its subscribers: its nightly digest, and the articles it
 * rendered, by section. Only files still in the output folder are offered.
 */
@Repository
public class RunFiles {

    private final JdbcClient jdbc;

    public RunFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A run's digest.
     *
     * @param folder the output folder
     * @param fileStem its files are {@code fileStem.<extension>}
     */
    public record DigestFiles(Path folder, String fileStem, String title, List<String> extensions) {

        public DigestFiles {
            extensions = List.copyOf(extensions);
        }

        /** Its files in these formats, those that are in the folder. */
        public List<Path> files(List<String> formats) {
            return formats.stream()
                .filter(f -> extensions.isEmpty() || extensions.contains(f))
                .map(f -> folder.resolve(fileStem + "." + f))
                .filter(Files::isRegularFile)
                .toList();
        }
    }

    public Optional<DigestFiles> digest(long runId) {
        return jdbc
            .sql("SELECT OUTPUT_FOLDER, FILE_STEM, TITLE, EXTENSIONS FROM EXPORT_EDITION WHERE JOB_EXECUTION_ID = ?"
                    + " ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")
            .param(runId)
            .query((rs, n) -> {
                String extensions = rs.getString(4);
                return new DigestFiles(Path.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        extensions == null || extensions.isEmpty() ? List.of("epub", "pdf")
                                : List.of(extensions.split(",")));
            })
            .optional();
    }

    /**
     * The files of the articles the run rendered (all its executions) in these sections
     * (ignoring case) and formats, in the order of their sections, then titles.
     */
    public List<Path> articles(long runId, List<String> sections, List<String> formats) {
        List<String> keys = sections.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Path> files = new ArrayList<>();
        jdbc.sql("SELECT DISTINCT OUTPUT_FOLDER, FILE_STEM, SECTION, TITLE FROM EXPORTED_ARTICLE"
                + " WHERE STATUS = 'EXPORTED' AND SECTION IS NOT NULL AND JOB_INSTANCE_ID ="
                + " (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)"
                + " ORDER BY SECTION, TITLE, FILE_STEM")
            .param(runId)
            .query((rs, n) -> {
                if (keys.contains(rs.getString(3).toLowerCase(Locale.ROOT)) && rs.getString(1) != null) {
                    for (String format : formats) {
                        Path file = Path.of(rs.getString(1)).resolve(rs.getString(2) + "." + format);
                        if (Files.isRegularFile(file)) {
                            files.add(file);
                        }
                    }
                }
                return n;
            })
            .list();
        return files;
    }

    /** The latest run on record, if any. */
    public Optional<Long> latestRun() {
        return jdbc.sql("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").query(Long.class).optional();
    }

}
