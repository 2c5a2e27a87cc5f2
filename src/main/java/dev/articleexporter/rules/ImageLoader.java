package dev.articleexporter.rules;

import dev.articleexporter.input.Article.Image;
import dev.articleexporter.input.InputFiles;
import dev.articleexporter.input.InputFiles.Verdict;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Picture.ImageData;
import dev.articleexporter.model.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Loads a slide's local image once, for every format. Remote images are never downloaded;
 * an image that cannot be embedded keeps its alt text and credit, with a warning saying
 * why. Reading the file is done here; checking, measuring and downscaling the image by
 * {@link ImagePreparer}, whose limits on pixels and frames are in {@link FrameLimits}.
 * The size limit is {@link ImageProperties}, which this class registers.
 */
@Component
@EnableConfigurationProperties(ImageProperties.class)
public class ImageLoader {

    /** Larger image files are not read: a slideshow photo is a few MB at most. */
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final ImagePreparer preparer;

    /**
     * The bean: the limit is {@code exporter.images.max-size}, checked as it is bound.
     */
    @Autowired
    public ImageLoader(ImageProperties properties) {
        this.preparer = new ImagePreparer(properties.maxSize());
    }

    /**
     * @param maxSize longest side, in pixels, an image keeps; larger ones are downscaled
     * @throws IllegalArgumentException if it is under {@link ImageProperties#MIN_SIZE}
     */
    public ImageLoader(int maxSize) {
        this(new ImageProperties(maxSize));
    }

    public Picture load(Image image, Path folder, int slide, Warnings warnings) {
        if (image == null) {
            return null;
        }
        String alt = image.alt() == null ? "" : image.alt().strip();
        String src = image.src() == null ? "" : image.src().strip();
        if (src.isEmpty()) {
            return alt.isEmpty() ? null : new Picture(alt, null);
        }
        if (src.regionMatches(true, 0, "http://", 0, 7) || src.regionMatches(true, 0, "https://", 0, 8)) {
            return new Picture(alt, null); // documented: remote images are not fetched
        }
        ImageData data = readLocal(src, folder, slide, warnings);
        return new Picture(alt, data);
    }

    /**
     * Reads an image only when {@link InputFiles} says it may be opened: after its links
     * are resolved, a regular file inside the folder. A named pipe, socket, device or
     * folder is never opened (a pipe would block the run for good).
     */
    private ImageData readLocal(String src, Path folder, int slide, Warnings warnings) {
        String where = "slide " + slide + ": image " + src + ": ";
        Verdict file = InputFiles.check(folder, src);
        switch (file.kind()) {
            case REGULAR -> {
            }
            case OUTSIDE -> {
                warnings.add(where + "refused: " + file.reason());
                return null;
            }
            case FOLDER, SPECIAL -> {
                warnings.add(where + file.reason() + "; shown as its alt text");
                return null;
            }
            default -> { // missing, or not a valid path, or its attributes cannot be read
                warnings.add(where + file.reason());
                return null;
            }
        }
        if (file.size() > MAX_FILE_BYTES) {
            warnings.add(where + tooBig(file.size()));
            return null;
        }
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        catch (NoSuchFileException e) {
            warnings.add(where + InputFiles.NOT_FOUND); // removed since it was checked
            return null;
        }
        catch (IOException e) {
            warnings.add(where + "cannot be read (" + e.getMessage() + ")");
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) { // it grew after it was checked
            warnings.add(where + tooBig(bytes.length));
            return null;
        }
        String type = mediaType(bytes);
        if (type == null) {
            warnings.add(where + "not a PNG, JPEG or GIF image; shown as its alt text");
            return null;
        }
        String name = String.format(Locale.ROOT, "slide-%02d", slide);
        return preparer.prepare(bytes, type, name, where, warnings);
    }

    private static String tooBig(long size) {
        return "the file is " + size / (1024 * 1024) + " MB, more than an image may have ("
                + MAX_FILE_BYTES / (1024 * 1024) + " MB); shown as its alt text";
    }

    /** The media type from the file's first bytes; extensions lie. */
    static String mediaType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        return null;
    }

}
