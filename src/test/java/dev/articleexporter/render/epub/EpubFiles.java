package dev.articleexporter.render.epub;

import dev.articleexporter.model.Story;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.epub.EpubReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rendering EPUBs to bytes or files and reading them back, for the EPUB tests. */
final class EpubFiles {

    private EpubFiles() {
    }

    static byte[] render(EpubRenderer renderer, Story digest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(digest, out);
        return out.toByteArray();
    }

    /** The digest rendered to {@code dir/name.epub}. */
    static Path write(EpubRenderer renderer, Path dir, String name, Story digest) throws IOException {
        Path file = dir.resolve(name + ".epub");
        Files.write(file, render(renderer, digest));
        return file;
    }

    static Book read(byte[] epub) throws IOException {
        return new EpubReader().readEpub(new ByteArrayInputStream(epub));
    }

    /** Every entry of the zip, by name, in order. */
    static java.util.Map<String, byte[]> unzip(byte[] epub) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(epub))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

}
