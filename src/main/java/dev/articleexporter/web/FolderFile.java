package dev.articleexporter.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A regular file directly in a folder, found without following links: the one way the web
 * side looks up a file it may serve (books and covers alike), so nothing leads out of the
 * output folder.
 *
 * @param path the file
 * @param attributes its size and modification time, read once
 */
record FolderFile(Path path, BasicFileAttributes attributes) {

    /** {@code name} in {@code folder}, when it is a regular file there (not a link). */
    static Optional<FolderFile> find(Path folder, String name) {
        Path path = folder.resolve(name).normalize();
        if (!folder.normalize().equals(path.getParent())) {
            return Optional.empty();
        }
        try {
            // NOFOLLOW_LINKS: a symbolic link is not a regular file, so a link leading
            // out is never followed.
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(new FolderFile(path, attributes)) : Optional.empty();
        }
        catch (IOException e) {
            // missing, or unreadable: nothing to serve
            return Optional.empty();
        }
    }

}
