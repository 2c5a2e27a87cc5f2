package dev.articleexporter.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The input folder: its {@code *.json} files in a stable order (by name), other files ignored. */
public record InputFolder(Path path) {

    public List<Path> jsonFiles() {
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input folder " + path, e);
        }
    }

    /** How many article slots the folder holds; a cheap streaming pass, for progress display. */
    public int countArticles() {
        int total = 0;
        for (Path file : jsonFiles()) {
            try (ArticleFile articles = new ArticleFile(file, file.getFileName().toString())) {
                while (articles.next() != null) {
                    total++;
                }
            }
        }
        return total;
    }
}
