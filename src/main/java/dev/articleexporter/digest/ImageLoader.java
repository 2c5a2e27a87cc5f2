package dev.articleexporter.digest;

import dev.articleexporter.article.Article.Image;
import dev.articleexporter.digest.Picture.ImageData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Loads a slide's local image once, for every format. Remote images are never downloaded; an
 * image that cannot be embedded keeps its alt text and credit, with a warning saying why.
 */
@Component
public class ImageLoader {

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

    private ImageData readLocal(String src, Path folder, int slide, Warnings warnings) {
        String where = "slide " + slide + ": image " + src + ": ";
        Path file;
        try {
            file = folder.resolve(src).normalize();
        } catch (InvalidPathException e) {
            warnings.add(where + "not a valid file path");
            return null;
        }
        if (!file.startsWith(folder.normalize())) {
            warnings.add(where + "refused: the path leads outside the input folder");
            return null;
        }
        byte[] bytes;
        try {
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                warnings.add(where + "refused: the path leads outside the input folder");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            warnings.add(where + "not found");
            return null;
        } catch (IOException e) {
            warnings.add(where + "cannot be read (" + e.getMessage() + ")");
            return null;
        }
        String type = mediaType(bytes);
        if (type == null) {
            warnings.add(where + "not a PNG, JPEG or GIF image; shown as its alt text");
            return null;
        }
        int[] size = dimensions(bytes);
        if (size == null) {
            warnings.add(where + "corrupt or unreadable " + type + "; shown as its alt text");
            return null;
        }
        String name = String.format(Locale.ROOT, "slide-%02d.%s", slide, type.substring("image/".length()).replace("jpeg", "jpg"));
        return new ImageData(bytes, name, type, size[0], size[1]);
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

    /** Width and height from the image header, without decoding the pixels. */
    private static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return width > 0 && height > 0 ? new int[] {width, height} : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
