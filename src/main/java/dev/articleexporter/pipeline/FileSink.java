package dev.articleexporter.pipeline;

import dev.articleexporter.pipeline.Exported.RenderedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where the pipeline renders files to. The pipeline only finishes them; putting them in
 * place is the caller's business (the export job renames them in as soon as the article
 * is done). Every {@link IOException} a sink throws or reports is the disk's, not the
 * article's: the run stops.
 */
public interface FileSink {

    /** Validation: everything is rendered, only the sizes are kept. */
    FileSink COUNTING = new FileSink() {
        @Override
        public boolean has(String fileName) {
            return false;
        }

        @Override
        public Draft start(String fileName) {
            return new Counting(fileName);
        }
    };

    /**
     * Whether a finished file of that name is already in the output (an unchanged article
     * needs its files).
     */
    boolean has(String fileName);

    /**
     * The bytes of a finished file already in the output, when it is there and at most
     * {@code maxBytes} long (a file to use again); empty otherwise, also when it cannot
     * be read (it is made anew then).
     */
    default Optional<byte[]> read(String fileName, int maxBytes) {
        return Optional.empty();
    }

    /** A new, empty file to render {@code fileName} into. */
    Draft start(String fileName) throws IOException;

    /** One file being rendered. */
    interface Draft {

        OutputStream out();

        /** Writing is over: closes it. */
        RenderedFile finish() throws IOException;

        /**
         * Drops what was written, after the rendering failed.
         * @return the disk failure behind that, if the disk was the cause; then the run
         * stops
         */
        Optional<IOException> discard();

    }

    /** Counts the bytes and keeps nothing. */
    final class Counting extends OutputStream implements Draft {

        private final String fileName;

        private long count;

        Counting(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public OutputStream out() {
            return this;
        }

        @Override
        public RenderedFile finish() {
            return new RenderedFile(fileName, null, count);
        }

        @Override
        public Optional<IOException> discard() {
            return Optional.empty();
        }

    }

}
