package dev.articleexporter.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file in the output folder, held while a run writes there. The
 * OS drops it when the process dies, even by {@code kill -9}, so a lock that can be taken
 * proves no other process is writing to the folder.
 */
final class OutputLock implements AutoCloseable {

    static final String FILE_NAME = ".article-exporter.lock";

    /** For a folder that cannot hold a lock file: the run goes ahead and fails, on record, when it writes. */
    private static final OutputLock UNLOCKABLE = new OutputLock(null, null);

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock on {@code folder} (created if missing), or {@code null} when another run holds it.
     * A folder that cannot be created or written gives a lock that holds nothing: the run then
     * fails when it writes, and that failure is recorded with the path.
     */
    static OutputLock tryLock(Path folder) {
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new OutputLock(channel, lock);
                }
            } catch (OverlappingFileLockException heldInThisProcess) {
                // another run in this JVM (the server's schedule, say) holds it
            }
            channel.close();
            return null;
        } catch (IOException e) {
            return UNLOCKABLE;
        }
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the channel or the process anyway
        }
    }
}
