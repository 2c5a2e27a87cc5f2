package dev.articleexporter.web;

import dev.articleexporter.model.Cover;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The cover and thumbnail files the export writes beside an article's or digest's books
 * ({@link Cover#fileName}, {@link Cover#thumbnailName}). Only a regular file (not a link)
 * directly in the folder whose header is a JPEG's counts: its size in pixels comes from
 * that header, for the page's {@code <img>} and the OPDS 2 catalog. Whether the stem is
 * an export of the folder is the caller's question.
 */
public final class CoverFiles {

    /** The two images of a cover, and how their names end. */
    public enum Kind {

        COVER(".cover.jpg"), THUMBNAIL(".thumb.jpg");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        public String fileName(String stem) {
            return this == COVER ? Cover.fileName(stem) : Cover.thumbnailName(stem);
        }

    }

    /**
     * One image file.
     *
     * @param name file name, also its URL's last segment
     * @param width pixels, from the JPEG header
     * @param height pixels, from the JPEG header
     */
    public record Image(Kind kind, String name, Path path, int width, int height, long size, Instant lastModified) {
    }

    /** A JPEG header this long without a frame header is not a cover of ours. */
    private static final int MAX_HEADER = 1 << 20;

    private CoverFiles() {
    }

    /**
     * The stem and kind a file name stands for ({@code a.thumb.jpg}: {@code a},
     * thumbnail), or empty.
     */
    public static Optional<Named> parse(String name) {
        for (Kind kind : Kind.values()) {
            if (name != null && name.endsWith(kind.suffix) && name.length() > kind.suffix.length()) {
                String stem = name.substring(0, name.length() - kind.suffix.length());
                if (kind.fileName(stem).equals(name)) {
                    return Optional.of(new Named(stem, kind));
                }
            }
        }
        return Optional.empty();
    }

    /** A stem and which of its images. */
    public record Named(String stem, Kind kind) {
    }

    /** The stem's image of this kind in {@code folder}, when it is there and a JPEG. */
    public static Optional<Image> find(Path folder, String stem, Kind kind) {
        if (stem == null || stem.isEmpty()) {
            return Optional.empty();
        }
        String name = kind.fileName(stem);
        return FolderFile.find(folder, name)
            .flatMap(file -> readableJpegSize(file.path()).map(size -> new Image(kind, name, file.path(), size[0],
                    size[1], file.attributes().size(), file.attributes().lastModifiedTime().toInstant())));
    }

    /** {@link #jpegSize}, empty when the file cannot be read. */
    private static Optional<int[]> readableJpegSize(Path path) {
        try {
            return jpegSize(path);
        }
        catch (IOException e) {
            // unreadable: no image
            return Optional.empty();
        }
    }

    /**
     * Width and height from a JPEG's frame header (SOFn), reading only the markers before
     * it; empty when the file is not a JPEG.
     */
    static Optional<int[]> jpegSize(Path path) throws IOException {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS), 8192))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return Optional.empty();
            }
            long read = 2;
            while (read < MAX_HEADER) {
                if (in.readUnsignedByte() != 0xFF) {
                    return Optional.empty();
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) { // fill bytes
                    marker = in.readUnsignedByte();
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // markers without a length
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    // image data, or its end, before any frame header
                    return Optional.empty();
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    return Optional.empty();
                }
                boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (frame) {
                    in.readUnsignedByte(); // sample precision
                    int height = in.readUnsignedShort();
                    int width = in.readUnsignedShort();
                    return width > 0 && height > 0 ? Optional.of(new int[] { width, height }) : Optional.empty();
                }
                in.skipNBytes(length - 2);
                read += 2 + length;
            }
            return Optional.empty();
        }
        catch (java.io.EOFException e) {
            return Optional.empty();
        }
    }

}
