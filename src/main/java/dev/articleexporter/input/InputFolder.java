package dev.articleexporter.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The input folder: its {@code *.json} entries in a stable order (by name), other files
 * ignored. Folders named {@code *.json} (or links to folders inside) are skipped
 * silently; any other entry is listed, and {@link ArticleFile} reads it only if
 * {@link InputFiles} allows it (a regular file inside the folder), reporting the others
 * (a link leading outside, a named pipe, ...) once.
 */
public record InputFolder(Path path) {

    public List<Path> jsonFiles() {
        InputFiles rule = new InputFiles(path);
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                .filter(f -> rule.check(f.toAbsolutePath()).kind() != InputFiles.Kind.FOLDER)
                .sorted()
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list input folder " + path, e);
        }
    }

    /**
     * About how many articles the folder holds, for the progress display: a pass over
     * each file that only finds where its array's elements are ({@link JsonFramer}:
     * nothing is parsed, nothing large is kept). A file that cannot be read, or does not
     * hold an array, counts as one; so does one that is not a regular file inside the
     * folder, which is never opened.
     */
    public int countArticles() {
        return countArticles((name, size, modified) -> -1);
    }

    /**
     * The same, taking the count of a file whose size and time are as {@code known}
     * recorded them (a file stamp of the last complete export) without reading it.
     */
    public int countArticles(Known known) {
        InputFiles rule = new InputFiles(path);
        int total = 0;
        for (Path file : jsonFiles()) {
            InputFiles.Verdict verdict = rule.check(file.toAbsolutePath());
            total += verdict.readable() ? count(verdict, path.relativize(file).toString(), known) : 1;
        }
        return total;
    }

    /** Article counts recorded for files as they were. */
    @FunctionalInterface
    public interface Known {

        /**
         * @return how many articles the file held when it had this size and modification
         * time (milliseconds), or -1 when that is not known
         */
        int articles(String name, long size, long modified);

    }

    private static int count(InputFiles.Verdict file, String name, Known known) {
        try {
            int articles = known.articles(name, file.size(), Fingerprint.modified(file.path()));
            if (articles >= 0) {
                return articles;
            }
        }
        catch (IOException e) {
            return 1;
        }
        return count(file);
    }

    private static int count(InputFiles.Verdict file) {
        FileReads.opened(file.path());
        try (JsonFramer framer = new JsonFramer(JsonSource.utf8(file.open()), Limits.ARTICLE_BYTES)) {
            if (framer.peek() != '[') {
                return 1;
            }
            framer.take();
            int n = 0;
            for (int next = framer.peek(); next >= 0 && next != ']'; next = framer.peek()) {
                if (next == ',' || next == ':' || next == '}') {
                    framer.take();
                }
                else {
                    framer.frame(false);
                    n++;
                }
            }
            return n;
        }
        catch (IOException e) {
            return 1;
        }
    }
}
