package dev.articleexporter.job;

import dev.articleexporter.model.Cover;
import dev.articleexporter.model.Digest;
import dev.articleexporter.pipeline.Exported.RenderedFile;
import dev.articleexporter.pipeline.FileSink;
import dev.articleexporter.pipeline.FileSink.Draft;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormats.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a nightly digest's files: its cover and thumbnail ({@link Digest#cover()}, made
 * by the caller) and one file per format, all in one pass ({@link DigestWriter#writeAll})
 * into temporary files ({@link StagedFileSink}, as an article's files), then each renamed
 * into place. Nothing is placed unless every format was written, and a failure leaves no
 * temporary file behind.
 */
final class DigestFiles {

    private DigestFiles() {
    }

    /**
     * Writes {@code folder/<stem>.<extension>} for each of {@code formats}, and the
     * cover's {@code <stem>.cover.jpg} and {@code <stem>.thumb.jpg} when it has one.
     */
    static void write(Digest digest, Path folder, List<Format> formats) throws IOException {
        FileSink sink = new StagedFileSink(folder);
        List<Draft> drafts = new ArrayList<>(formats.size() + 2);
        List<RenderedFile> written = new ArrayList<>(formats.size() + 2);
        try {
            List<DigestWriter> writers = new ArrayList<>(formats.size());
            for (Format format : formats) {
                Draft draft = sink.start(format.fileName(digest.fileStem()));
                drafts.add(draft);
                writers.add(format.renderer().digestWriter(draft.out()));
            }
            // after the formats' drafts, so placed after them: never a cover without them
            Cover cover = digest.cover();
            if (cover != null) {
                image(sink, drafts, Cover.fileName(digest.fileStem()), cover.full());
                image(sink, drafts, Cover.thumbnailName(digest.fileStem()), cover.thumbnail());
            }
            DigestWriter.writeAll(digest, writers);
            for (Draft draft : drafts) {
                written.add(draft.finish());
            }
        }
        catch (IOException | RuntimeException e) {
            // The disk's failure, whichever file met it, names the file; else the
            // writer's own.
            Optional<IOException> disk = Optional.empty();
            for (Draft draft : drafts) {
                Optional<IOException> failure = draft.discard();
                disk = disk.or(() -> failure);
            }
            if (disk.isPresent()) {
                throw disk.get();
            }
            throw e;
        }
        for (RenderedFile file : written) {
            StagedFiles.place(folder, file.staged(), file.name());
        }
    }

    private static void image(FileSink sink, List<Draft> drafts, String fileName, Cover.Image image)
            throws IOException {
        Draft draft = sink.start(fileName);
        drafts.add(draft);
        draft.out().write(image.jpeg());
    }

    /**
     * Whether every one of the formats' files of {@code stem}, and its cover and
     * thumbnail, are in the folder.
     */
    static boolean present(Path folder, String stem, List<Format> formats) {
        return Files.isRegularFile(folder.resolve(Cover.fileName(stem)))
                && Files.isRegularFile(folder.resolve(Cover.thumbnailName(stem)))
                && formats.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f.fileName(stem))));
    }

}
