package dev.articleexporter.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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

    /**
     * About how many articles the folder holds, for the progress display: a streaming pass that
     * only counts the elements of each array (no conversion); a broken file counts as one.
     */
    public int countArticles() {
        int total = 0;
        for (Path file : jsonFiles()) {
            total += count(file);
        }
        return total;
    }

    private static int count(Path file) {
        try (JsonParser parser = ArticleJson.MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return 1;
            }
            int n = 0;
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                parser.skipChildren();
                n++;
            }
            return n;
        } catch (JacksonException e) {
            return 1;
        }
    }
}
