package dev.articleexporter.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What lets a reader pass over an input file without reading it: the file is unchanged
 * since its last complete export, and so are its articles' outputs and the run's settings
 * (decided by the export job, which keeps each file's stamp). The reader tells it every
 * article it reads, so a file whose output names a changed article takes is read after
 * all, and what it found in each file it read to the end, so that file can be stamped
 * once the run has completed.
 */
public interface FileSkip {

    /** Reads everything (validate, {@code --force}, tests). */
    FileSkip NONE = new FileSkip() {
        @Override
        public int unchanged(String name, Path file) {
            return -1;
        }

        @Override
        public void read(String name, Path folder, ArticleNode article) {
        }

        @Override
        public void finished(FileRead file) {
        }

        @Override
        public Names names() {
            return key -> Optional.empty();
        }
    };

    /**
     * Called before {@code file} would be opened, in file order.
     * @return how many articles it holds when it can be passed over unread, else -1
     */
    int unchanged(String name, Path file);

    /**
     * An article read from {@code name} (of any share: every share reads every article of
     * a file it reads).
     * @param folder the folder image paths are relative to
     */
    void read(String name, Path folder, ArticleNode article);

    /** The file was read to its end (or stopped at an error that ends it). */
    void finished(FileRead file);

    /** Who holds the output names of the files passed over so far. */
    Names names();

    /**
     * The reader goes on where an earlier execution of the same run stopped: what that
     * one passed over and named counts too.
     */
    default void resume() {
    }

    /**
     * Called as each chunk commits, in its transaction: what was found in the files read
     * so far is recorded with it.
     */
    default void save() {
    }

    /** The SHA-256 of a file's bytes, in hex, as a stamp keeps it. */
    static String sha256(Path file) throws IOException {
        return Fingerprint.of(file);
    }

    /** A file's modification time in milliseconds, as a stamp keeps it. */
    static long modified(Path file) throws IOException {
        return Fingerprint.modified(file);
    }

    /**
     * The articles of skipped files, by output name.
     */
    interface Names {

        /**
         * The article of a skipped file written as {@code name} (compared ignoring case),
         * if any.
         */
        Optional<Held> holder(String name);

    }

    /**
     * @param articleId the article's id, or {@code null}
     * @param origin where it was read, e.g. {@code briefs.json #2}
     */
    record Held(String articleId, String origin) {
    }

    /**
     * What one share found in a file it read to its end.
     *
     * @param size bytes, as the file was when it was opened
     * @param modified its modification time in milliseconds, when opened
     * @param sha256 of the bytes read, in hex; {@code null} when the file could not be
     * read
     * @param slots article slots read (of every share)
     * @param whole read from its start, and not changed while it was read
     */
    record FileRead(String name, long size, long modified, String sha256, int slots, boolean whole) {
    }

}
