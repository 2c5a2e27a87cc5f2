package dev.articleexporter.job;

import dev.articleexporter.model.Digest;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormats.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a nightly digest's files: one per format, all in one pass
 * ({@link DigestWriter#writeAll}) into temporary files, then each renamed into place.
 * Nothing is placed unless every format was written, and a failure leaves no temporary
 * file behind.
 */
final class DigestFiles {

    private DigestFiles() {
    }

    /** Writes {@code folder/<stem>.<extension>} for each of {@code formats}. */
    static void write(Digest digest, Path folder, List<Format> formats) throws IOException {
        List<Path> staged = new ArrayList<>(formats.size());
        List<StagedFiles.Guarded> outs = new ArrayList<>(formats.size());
        try {
            List<DigestWriter> writers = new ArrayList<>(formats.size());
            for (Format format : formats) {
                Path file = StagedFiles.create(folder);
                staged.add(file);
                StagedFiles.Guarded out = StagedFiles.open(file);
                outs.add(out);
                writers.add(format.renderer().digestWriter(out));
            }
            DigestWriter.writeAll(digest, writers);
            for (StagedFiles.Guarded out : outs) {
                out.close();
            }
        }
        catch (IOException | RuntimeException e) {
            outs.forEach(DigestFiles::close);
            for (Path file : staged) {
                Files.deleteIfExists(file);
            }
            // The disk's failure, whichever writer met it; else a file that could not
            // even be opened.
            IOException disk = outs.stream()
                .map(StagedFiles.Guarded::failure)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(outs.size() < formats.size() && e instanceof IOException io ? io : null);
            if (disk != null) {
                throw new OutputWriteException(
                        "cannot write " + folder.resolve(digest.fileStem() + ".*") + ": " + disk.getMessage(), disk);
            }
            throw e;
        }
        for (int i = 0; i < formats.size(); i++) {
            StagedFiles.place(folder, staged.get(i), formats.get(i).fileName(digest.fileStem()));
        }
    }

    /** Whether every one of the formats' files of {@code stem} is in the folder. */
    static boolean present(Path folder, String stem, List<Format> formats) {
        return formats.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f.fileName(stem))));
    }

    private static void close(StagedFiles.Guarded out) {
        try {
            out.close();
        }
        catch (IOException ignored) {
            // the failure being handled says what went wrong
        }
    }

}
