package dev.articleexporter.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code folder} (created if missing), or {@code null} when another run holds it. */
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
            throw new UncheckedIOException("cannot use output folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the channel or the process anyway
        }
    }
}
