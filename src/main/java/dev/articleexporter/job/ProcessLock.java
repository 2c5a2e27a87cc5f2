package dev.articleexporter.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file, held by this process for as long as it needs: an
 * export holds one in its output folder, and one beside its H2 database. The OS drops it
 * when the process dies, even by {@code kill -9}, so a lock that can be taken proves no
 * other process holds it.
 */
public final class ProcessLock implements AutoCloseable {

    /** The lock file in an output folder. */
    static final String OUTPUT_FILE_NAME = ".article-exporter.lock";

    /**
     * For a folder that cannot hold a lock file: the run goes ahead and fails, on record,
     * when it writes.
     */
    private static final ProcessLock UNLOCKABLE = new ProcessLock(null, null);

    private final FileChannel channel;

    private final FileLock lock;

    private ProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock on {@code file} (created if missing), or {@code null} when another
     * process, or another run in this one, holds it. The file is opened without following
     * a symbolic link: a link planted in its place (to a file elsewhere, or to nowhere)
     * is refused, never created nor written through.
     * @throws LinkedLockException when the file is a symbolic link
     * @throws IOException when it cannot be made
     */
    public static ProcessLock tryLock(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        }
        // a plain IOException for ELOOP, not a FileSystemException
        catch (IOException e) {
            if (Files.isSymbolicLink(file)) { // O_NOFOLLOW refused it
                throw new LinkedLockException(
                        "the lock file " + file + " is a symbolic link; article-exporter refuses to"
                                + " follow it (remove the link and run again)");
            }
            throw e;
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new ProcessLock(channel, lock);
            }
        }
        catch (OverlappingFileLockException heldInThisProcess) {
            // another run in this JVM (the server's schedule, say) holds it
        }
        channel.close();
        return null;
    }

    /**
     * The lock on output {@code folder} (created if missing), or {@code null} when
     * another run holds it. A folder that cannot be created or written gives a lock that
     * holds nothing: the run then fails when it writes, and that failure is recorded with
     * the path.
     */
    static ProcessLock onOutputFolder(Path folder) throws LinkedLockException {
        try {
            Files.createDirectories(folder);
            return tryLock(folder.resolve(OUTPUT_FILE_NAME));
        }
        catch (IOException e) {
            return UNLOCKABLE;
        }
    }

    /**
     * A lock file that is a symbolic link: refused, so nothing is created or written
     * where it points.
     */
    public static final class LinkedLockException extends RunRefusedException {

        LinkedLockException(String message) {
            super(message);
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
        }
        catch (IOException e) {
            // released with the channel or the process anyway
        }
    }

}
