package dev.articleexporter.pipeline;

import dev.articleexporter.model.Cover;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An output folder as one pass over its entries found it: which of each article's files
 * are there, and which entries are temporary files a killed run left. Made once per run
 * before its partitions start ({@code job.OutputFolderPreparation}), so a folder of
 * hundreds of thousands of files is not listed again by each of them ({@link RunStamps}).
 *
 * @param suffixes the endings of an article's files, in bit order ({@link #suffixes})
 * @param outputs for each name stem, which of its files are there: bit {@code i} for
 * {@code suffixes.get(i)}
 * @param leftovers entries the run should remove
 * @param modifiedBefore the folder's modification time (nanoseconds) before the pass
 * @param modifiedAfter and after it: when they differ, something changed meanwhile
 */
public record OutputListing(List<String> suffixes, Map<String, Integer> outputs, List<String> leftovers,
        long modifiedBefore, long modifiedAfter) {

    public OutputListing {
        suffixes = List.copyOf(suffixes);
        outputs = java.util.Collections.unmodifiableMap(outputs);
        leftovers = List.copyOf(leftovers);
    }

    /**
     * The endings of the files an article has in a run with formats of these extensions:
     * its cover, its thumbnail, then one per format.
     */
    public static List<String> suffixes(List<String> extensions) {
        List<String> suffixes = new ArrayList<>(List.of(Cover.fileName(""), Cover.thumbnailName("")));
        extensions.forEach(extension -> suffixes.add("." + extension));
        return List.copyOf(suffixes);
    }

    /** One pass over {@code folder}; {@code leftover} tells the entries to remove. */
    public static OutputListing of(Path folder, List<String> suffixes, Predicate<String> leftover) throws IOException {
        long before = modified(folder);
        List<String> names = names(folder);
        Map<String, Integer> outputs = HashMap.newHashMap(names.size() / Math.max(1, suffixes.size()) + 16);
        List<String> leftovers = new ArrayList<>();
        for (String name : names) {
            if (leftover.test(name)) {
                leftovers.add(name);
                continue;
            }
            for (int i = 0; i < suffixes.size(); i++) {
                String suffix = suffixes.get(i);
                if (name.endsWith(suffix)) {
                    outputs.merge(name.substring(0, name.length() - suffix.length()), 1 << i, (a, b) -> a | b);
                    break; // no name ends in two of them
                }
            }
        }
        return new OutputListing(suffixes, outputs, leftovers, before, modified(folder));
    }

    /**
     * The folder's entry names: {@link java.io.File#list()} on the default file system,
     * which makes no path per entry (twice as fast over 400,000 files).
     */
    private static List<String> names(Path folder) throws IOException {
        if (folder.getFileSystem() == FileSystems.getDefault()) {
            String[] names = folder.toFile().list();
            if (names == null) {
                throw new IOException("cannot list " + folder);
            }
            return Arrays.asList(names);
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        return names;
    }

    /** True when the folder did not change during the pass. */
    public boolean steady() {
        return modifiedBefore == modifiedAfter;
    }

    /** The folder's modification time, in nanoseconds, as the file system keeps it. */
    public static long modified(Path folder) throws IOException {
        return Files.getLastModifiedTime(folder).to(TimeUnit.NANOSECONDS);
    }

}
