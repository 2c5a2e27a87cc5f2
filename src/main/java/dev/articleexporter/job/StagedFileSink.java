package dev.articleexporter.job;

import dev.articleexporter.pipeline.Exported.RenderedFile;
import dev.articleexporter.pipeline.FileSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Renders into temporary files in the output folder ({@link StagedFiles}), which the
 * processor renames into place. A full disk is told apart from a renderer that choked on
 * an article, and named.
 */
final class StagedFileSink implements FileSink {

    private final Path folder;

    StagedFileSink(Path folder) {
        this.folder = folder;
    }

    @Override
    public boolean has(String fileName) {
        return Files.isRegularFile(folder.resolve(fileName));
    }

    @Override
    public Optional<byte[]> read(String fileName, int maxBytes) {
        Path file = folder.resolve(fileName);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Draft start(String fileName) throws IOException {
        Path temp = StagedFiles.create(folder);
        try {
            return new Staged(fileName, temp, StagedFiles.open(temp));
        }
        catch (IOException e) {
            throw cannotWrite(fileName, e);
        }
    }

    private OutputWriteException cannotWrite(String fileName, IOException e) {
        return new OutputWriteException("cannot write " + folder.resolve(fileName) + ": " + e.getMessage(), e);
    }

    private final class Staged implements Draft {

        private final String fileName;

        private final Path temp;

        private final StagedFiles.Guarded out;

        Staged(String fileName, Path temp, StagedFiles.Guarded out) {
            this.fileName = fileName;
            this.temp = temp;
            this.out = out;
        }

        @Override
        public OutputStream out() {
            return out;
        }

        @Override
        public RenderedFile finish() throws IOException {
            out.close();
            return new RenderedFile(fileName, temp, Files.size(temp));
        }

        @Override
        public Optional<IOException> discard() {
            try {
                out.close();
            }
            catch (IOException | RuntimeException ignored) {
                // the failure below says what went wrong
            }
            try {
                Files.deleteIfExists(temp);
            }
            catch (IOException | RuntimeException ignored) {
                // removed by the next run's clean-up
            }
            return Optional.ofNullable(out.failure()).<IOException>map(e -> cannotWrite(fileName, e));
        }

    }

}
