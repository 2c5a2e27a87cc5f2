package dev.articleexporter.web;

import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.Library;
import dev.articleexporter.model.Cover;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The files the server may hand out: only exported ones. A name is served when it is
 * {@code <stem>.<extension>} for an article or digest the history records in this output
 * folder and an output format's extension (any format of the registry: a digest has the
 * formats of its run), and the file is a regular file (not a link) directly in the
 * folder. Everything else there (the lock, temporary {@code .part} files, a database or
 * log someone put there, hidden files) is never served, whatever the name's spelling.
 * Besides the formats' files, the cover and thumbnail of a recorded article or digest
 * ({@link CoverFiles}) are served, when they are JPEGs.
 */
@Component
@ConditionalOnWebApplication
public class ServedFiles {

    /**
     * What output names look like ({@code digest.FileNames}): no separators, no leading
     * dot.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]{0,250}");

    /**
     * One servable file.
     *
     * @param name file name, also its URL's last segment
     */
    public record ServedFile(String name, Path path, String format, String mediaType, long size, Instant lastModified) {

        /** A cover or thumbnail, not a book. */
        public boolean image() {
            return mediaType.startsWith("image/");
        }
    }

    private final Path output;

    private final Library library;

    private final DigestHistory digests;

    /**
     * By extension; the server's own formats first, so the page lists them in the order
     * given.
     */
    private final Map<String, OutputFormats.Format> formats = new LinkedHashMap<>();

    public ServedFiles(ServeSettings settings, Library library, DigestHistory digests, OutputFormats outputFormats) {
        this.output = settings.output();
        this.library = library;
        this.digests = digests;
        List<String> names = new ArrayList<>(settings.formats());
        names.addAll(outputFormats.names());
        outputFormats.select(names).forEach(f -> formats.put(f.extension(), f));
    }

    /** The exported file of this name, if there is one to serve. */
    public Optional<ServedFile> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<CoverFiles.Named> image = CoverFiles.parse(name);
        if (image.isPresent()) {
            String stem = image.get().stem();
            return recorded(stem) ? image(stem, image.get().kind()) : Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String stem = name.substring(0, dot);
        OutputFormats.Format format = formats.get(name.substring(dot + 1));
        if (format == null || !recorded(stem)) {
            return Optional.empty();
        }
        return file(stem, format);
    }

    /**
     * The cover or thumbnail of an article or digest, as a file to serve, when it is in
     * the folder.
     */
    public Optional<ServedFile> image(String stem, CoverFiles.Kind kind) {
        return CoverFiles.find(output, stem, kind)
            .map(i -> new ServedFile(i.name(), i.path(), kind.name().toLowerCase(Locale.ROOT), Cover.MEDIA_TYPE,
                    i.size(), i.lastModified()));
    }

    /** An article's or digest's thumbnail, with its size in pixels for the page. */
    public Optional<CoverFiles.Image> thumbnail(String stem) {
        return CoverFiles.find(output, stem, CoverFiles.Kind.THUMBNAIL);
    }

    private boolean recorded(String stem) {
        return library.find(output, stem).isPresent() || digests.find(output, stem).isPresent();
    }

    /**
     * Each format's file of an article or digest, in format order; formats without a file
     * are left out.
     */
    public List<ServedFile> filesOf(String stem) {
        List<ServedFile> files = new ArrayList<>();
        for (OutputFormats.Format format : formats.values()) {
            file(stem, format).ifPresent(files::add);
        }
        return files;
    }

    private Optional<ServedFile> file(String stem, OutputFormats.Format format) {
        String name = format.fileName(stem);
        return FolderFile.find(output, name)
            .map(file -> new ServedFile(name, file.path(), format.name(), format.mediaType(), file.attributes().size(),
                    file.attributes().lastModifiedTime().toInstant()));
    }

}
