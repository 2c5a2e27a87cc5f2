package dev.articleexporter.job;

import dev.articleexporter.history.InputStamps;
import dev.articleexporter.pipeline.OutputListing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Spares an unchanged nightly run the listing of an output folder of hundreds of
 * thousands of files. A folder's modification time changes whenever a file is added to
 * it, removed or renamed, so while it is what a completed run that changed nothing there
 * left, every output that run saw is still there and no temporary file was left behind.
 * Such a run records the time ({@code OUTPUT_FOLDER_STATE}); any other ending forgets it.
 *
 * <p>
 * As git does with its index, a time that could still be shared with a change made during
 * the check is not recorded: file systems keep times to a tick (nanoseconds to two
 * seconds), and a removal in the same tick as the last change would keep the folder's
 * time. So the run after a run that wrote files lists the folder once more, and records
 * it.
 */
@Component
class OutputFolderStates {

    private static final Logger log = LoggerFactory.getLogger(OutputFolderStates.class);

    /** The coarsest tick of the file systems in use (FAT keeps times to two seconds). */
    static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Keys of the run's (manager) step context. */
    private static final String MODIFIED = "output.modified";

    private static final String CHECKED = "output.checked";

    private final InputStamps stamps;

    /** The listing the run's start made, for its partitions in this process. */
    private Listed listed;

    private record Listed(Path folder, long jobExecutionId, OutputListing listing) {
    }

    OutputFolderStates(InputStamps stamps) {
        this.stamps = stamps;
    }

    /**
     * True when nothing was added to the folder, removed or renamed since a completed run
     * with these settings found every output of its stamps there ({@code settings}
     * {@code null}: whatever the settings, as for temporary files).
     */
    boolean unchanged(Path folder, String settings) {
        try {
            long now = modified(folder);
            return stamps.folderState(folder)
                .filter(state -> state.modified() == now && (settings == null || state.settings().equals(settings)))
                .isPresent();
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Keeps the folder's names as the run's start listed them, for its partitions. */
    synchronized void listed(Path folder, long jobExecutionId, OutputListing listing) {
        listed = new Listed(folder, jobExecutionId, listing);
    }

    /**
     * The names the run's start listed, once, when the folder has not changed since: else
     * {@code null} (the partitions list it).
     */
    synchronized OutputListing listing(Path folder, long jobExecutionId) {
        Listed taken = listed;
        if (taken == null || taken.jobExecutionId() != jobExecutionId || !taken.folder().equals(folder)) {
            return null;
        }
        listed = null;
        try {
            return modified(folder) == taken.listing().modifiedAfter() ? taken.listing() : null;
        }
        catch (IOException e) {
            return null;
        }
    }

    /**
     * Notes the folder's time as the run's partitions are about to find it.
     * @param checked when the run began to look at the folder (milliseconds)
     */
    void started(Path folder, ExecutionContext run, long checked) {
        try {
            run.putLong(MODIFIED, modified(folder));
            run.putLong(CHECKED, checked);
        }
        catch (IOException e) {
            run.remove(MODIFIED);
        }
    }

    /**
     * The run has ended: records the folder's time when the run completed, its stamps
     * were written, the folder is as the run found it and its time is at least a tick
     * older than the run; otherwise forgets any record.
     */
    void ended(Path folder, String settings, ExecutionContext run, boolean completedAndStamped, long jobInstanceId) {
        InputStamps.FolderState state = null;
        try {
            long now = modified(folder);
            if (completedAndStamped && run.containsKey(MODIFIED) && run.getLong(MODIFIED) == now
                    && now < TimeUnit.MILLISECONDS.toNanos(run.getLong(CHECKED)) - TICK_NANOS) {
                state = new InputStamps.FolderState(settings, now);
            }
        }
        catch (IOException e) {
            // forgotten: the next run lists the folder
        }
        try {
            stamps.folderState(folder, state, jobInstanceId);
        }
        catch (RuntimeException e) {
            log.warn("The state of output folder {} could not be recorded; the next run lists it", folder, e);
        }
    }

    static long modified(Path folder) throws IOException {
        return OutputListing.modified(folder);
    }

}
