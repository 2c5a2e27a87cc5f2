package dev.articleexporter.history;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stamps of input files (table INPUT_FILE_STAMP): each file whose articles the last
 * completed run exported, as it was then, so a later run can pass over it unread; and
 * what each partition found in the files it read (INPUT_FILE_READ), from which the stamps
 * are written once the run has completed. One query loads an output folder's stamps.
 */
@Repository
public class InputStamps {

    /**
     * A file as its last complete export found it.
     *
     * @param modified milliseconds
     * @param settings fingerprint of everything else that decides the outputs
     * @param articles how many articles it holds (all exported)
     * @param content its articles' output names and ids, and its images' stamps (JSON,
     * {@code pipeline.StampContent})
     */
    public record Stamp(String file, long size, long modified, String sha256, String settings, int articles,
            String content) {
    }

    /**
     * What one partition found in a file: read to its end ({@code slots >= 0}), or passed
     * over with a new modification time but the same bytes ({@code slots < 0},
     * "touched").
     *
     * @param sha256 {@code null} when the file was not read whole and unchanged
     * @param images JSON list of [path, stamp] of the local images its articles use
     */
    public record FileRead(String file, long size, long modified, String sha256, int slots, String images,
            int partition, int partitions) {
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    public InputStamps(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The folder's stamps by file name. */
    public Map<String, Stamp> load(Path outputFolder) {
        Map<String, Stamp> stamps = new HashMap<>();
        jdbc.sql("SELECT FILE_NAME, FILE_SIZE, MODIFIED, SHA256, SETTINGS, ARTICLES, CONTENT FROM INPUT_FILE_STAMP"
                + " WHERE OUTPUT_FOLDER = ?")
            .param(Library.key(outputFolder))
            .query(rs -> {
                Stamp stamp = new Stamp(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7));
                stamps.put(stamp.file(), stamp);
            });
        return stamps;
    }

    /**
     * The article counts of the folder's stamps, for the progress display: {@code {size,
     * modified, articles}} by file name.
     */
    public Map<String, long[]> counts(Path outputFolder) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT FILE_NAME, FILE_SIZE, MODIFIED, ARTICLES FROM INPUT_FILE_STAMP WHERE OUTPUT_FOLDER = ?")
            .param(Library.key(outputFolder))
            .query(rs -> {
                counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
            });
        return counts;
    }

    /** Records, in the chunk's transaction, what a partition found in files. */
    public void recordReads(long jobInstanceId, long jobExecutionId, List<FileRead> reads) {
        jdbcTemplate.batchUpdate("INSERT INTO INPUT_FILE_READ (JOB_INSTANCE_ID, JOB_EXECUTION_ID, PARTITION_INDEX,"
                + " PARTITION_COUNT, FILE_NAME, FILE_SIZE, MODIFIED, SHA256, SLOTS, IMAGES)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reads, reads.size(), (ps, read) -> {
                    ps.setLong(1, jobInstanceId);
                    ps.setLong(2, jobExecutionId);
                    ps.setInt(3, read.partition());
                    ps.setInt(4, read.partitions());
                    ps.setString(5, read.file());
                    ps.setLong(6, read.size());
                    ps.setLong(7, read.modified());
                    ps.setString(8, read.sha256());
                    ps.setInt(9, read.slots());
                    ps.setString(10, read.images());
                });
    }

    /** What the partitions of a run (all its executions) found in the files they read. */
    public List<FileRead> reads(long jobInstanceId) {
        return jdbc
            .sql("SELECT FILE_NAME, FILE_SIZE, MODIFIED, SHA256, SLOTS, IMAGES, PARTITION_INDEX, PARTITION_COUNT"
                    + " FROM INPUT_FILE_READ WHERE JOB_INSTANCE_ID = ?")
            .param(jobInstanceId)
            .query((rs, n) -> new FileRead(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), rs.getInt(7), rs.getInt(8)))
            .list();
    }

    /**
     * The input files (origins) a run rejected something of, over all its executions:
     * they are read again by every run, so their problems are reported again.
     */
    public List<String> rejectedOrigins(long jobInstanceId) {
        return jdbc
            .sql("SELECT DISTINCT p.INPUT_FILE FROM EXPORT_PROBLEM p JOIN BATCH_JOB_EXECUTION e"
                    + " ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID WHERE e.JOB_INSTANCE_ID = ? AND p.KIND <> 'WARNING'")
            .param(jobInstanceId)
            .query(String.class)
            .list();
    }

    /**
     * Brings the folder's stamps up to the run just completed, in one transaction:
     * {@code written} replace those of the same files, {@code touched} files get their
     * new time, {@code dropped} lose theirs; then the run's (and older runs') read
     * records go.
     */
    @Transactional
    public void update(Path outputFolder, long jobInstanceId, List<Stamp> written, Map<String, Long> touched,
            List<String> dropped) {
        String folder = Library.key(outputFolder);
        List<String> gone = new java.util.ArrayList<>(dropped);
        written.forEach(stamp -> gone.add(stamp.file()));
        jdbcTemplate.batchUpdate("DELETE FROM INPUT_FILE_STAMP WHERE OUTPUT_FOLDER = ? AND FILE_NAME = ?", gone,
                gone.size(), (ps, file) -> {
                    ps.setString(1, folder);
                    ps.setString(2, file);
                });
        jdbcTemplate.batchUpdate(
                "INSERT INTO INPUT_FILE_STAMP (OUTPUT_FOLDER, FILE_NAME, FILE_SIZE, MODIFIED, SHA256,"
                        + " SETTINGS, ARTICLES, CONTENT, JOB_INSTANCE_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                written, written.size(), (ps, stamp) -> {
                    ps.setString(1, folder);
                    ps.setString(2, stamp.file());
                    ps.setLong(3, stamp.size());
                    ps.setLong(4, stamp.modified());
                    ps.setString(5, stamp.sha256());
                    ps.setString(6, stamp.settings());
                    ps.setInt(7, stamp.articles());
                    ps.setString(8, stamp.content());
                    ps.setLong(9, jobInstanceId);
                });
        List<Map.Entry<String, Long>> times = List.copyOf(touched.entrySet());
        jdbcTemplate.batchUpdate("UPDATE INPUT_FILE_STAMP SET MODIFIED = ? WHERE OUTPUT_FOLDER = ? AND FILE_NAME = ?",
                times, times.size(), (ps, time) -> {
                    ps.setLong(1, time.getValue());
                    ps.setString(2, folder);
                    ps.setString(3, time.getKey());
                });
        jdbc.sql("DELETE FROM INPUT_FILE_READ WHERE JOB_INSTANCE_ID <= ?").param(jobInstanceId).update();
    }

    /** The file names the folder has stamps for. */
    public List<String> stamped(Path outputFolder) {
        return jdbc.sql("SELECT FILE_NAME FROM INPUT_FILE_STAMP WHERE OUTPUT_FOLDER = ?")
            .param(Library.key(outputFolder))
            .query(String.class)
            .list();
    }

    /**
     * An output folder as a completed run found it and left it unchanged.
     *
     * @param settings the fingerprint of the run's settings (as a stamp's)
     * @param modified the folder's modification time, in nanoseconds
     */
    public record FolderState(String settings, long modified) {
    }

    /** The folder's recorded state, if any. */
    public Optional<FolderState> folderState(Path outputFolder) {
        return jdbc.sql("SELECT SETTINGS, MODIFIED FROM OUTPUT_FOLDER_STATE WHERE OUTPUT_FOLDER = ?")
            .param(Library.key(outputFolder))
            .query((rs, n) -> new FolderState(rs.getString(1), rs.getLong(2)))
            .optional();
    }

    /** Records the folder's state ({@code null}: forgets it). */
    @Transactional
    public void folderState(Path outputFolder, FolderState state, long jobInstanceId) {
        String folder = Library.key(outputFolder);
        jdbc.sql("DELETE FROM OUTPUT_FOLDER_STATE WHERE OUTPUT_FOLDER = ?").param(folder).update();
        if (state != null) {
            jdbc.sql("INSERT INTO OUTPUT_FOLDER_STATE (OUTPUT_FOLDER, SETTINGS, MODIFIED, JOB_INSTANCE_ID)"
                    + " VALUES (?, ?, ?, ?)")
                .params(folder, state.settings(), state.modified(), jobInstanceId)
                .update();
        }
    }

}
