package dev.articleexporter.job;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * Temporary files in the output folder that renderers write into, on the render threads,
 * each renamed over its target in one atomic step once the article is rendered in every
 * format. A reader of the folder never sees half a file, and leftovers of a killed run
 * are recognisable by name and removed by the next one.
 */
final class StagedFiles {

    static final String PREFIX = ".article-exporter-";
    static final String SUFFIX = ".part";

    private StagedFiles() {
    }

    /**
     * A new temporary file in {@code folder}, created with the process's usual
     * permissions (not 0600).
     */
    static Path create(Path folder) {
        return folder.resolve(PREFIX + UUID.randomUUID() + SUFFIX);
    }

    /**
     * A buffered stream to a new temporary file that remembers whether the disk failed,
     * so a full disk is told apart from a renderer that choked on an article.
     */
    static Guarded open(Path temp) throws IOException {
        return new Guarded(new BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 64 * 1024));
    }

    /**
     * Renames a finished temporary file over {@code folder/name}, atomically where the
     * file system can: readers see the old file or the new one, never half of one.
     */
    static void place(Path folder, Path staged, String name) throws OutputWriteException {
        Path target = folder.resolve(name).normalize();
        if (!folder.equals(target.getParent()) || !folder.equals(staged.getParent())) {
            // Names come from FileNames, which cannot produce this; refuse rather than
            // trust.
            throw new OutputWriteException("refusing to write outside the output folder: " + name, null);
        }
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            try {
                Files.deleteIfExists(staged);
            }
            catch (IOException ignored) {
                // removed by the next run's clean-up
            }
            throw new OutputWriteException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Whether an entry of the output folder is a temporary file. */
    static boolean isStaged(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /**
     * Removes the temporary files {@code names} (found in the folder before the run's
     * partitions started) that a killed run left behind; returns how many.
     */
    static int removeLeftovers(Path folder, List<String> names) throws IOException {
        int removed = 0;
        for (String name : names) {
            if (isStaged(name) && Files.deleteIfExists(folder.resolve(name))) {
                removed++;
            }
        }
        return removed;
    }

    /** Passes writes through and keeps the first I/O error. */
    static final class Guarded extends FilterOutputStream {

        private IOException failure;

        Guarded(OutputStream out) {
            super(out);
        }

        IOException failure() {
            return failure;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            }
            catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

    }

}
