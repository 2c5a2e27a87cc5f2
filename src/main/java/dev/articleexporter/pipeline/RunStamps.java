package dev.articleexporter.pipeline;

import dev.articleexporter.history.InputStamps;
import dev.articleexporter.input.FileSkip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every partition of one run (in this process) asks about the stamps of the output
 * folder: loaded once, by one query; the folder's file names, listed once; the output
 * names the stamps hold (unless the folder is as a completed run left it); files hashed
 * and images looked at once. Thread-safe.
 */
public final class RunStamps {

    /** A stamped article and the file it is in. */
    record Owner(String file, StampContent.Article article) {
    }

    private final Map<String, InputStamps.Stamp> stamps;

    private final String settings;

    private final Path output;

    private final List<String> extensions;

    private final boolean folderUnchanged;

    /**
     * The folder as the run found it, or {@code null}: then listed on first need. Let go
     * once looked up.
     */
    private OutputListing listing;

    private final Map<String, StampContent> contents = new ConcurrentHashMap<>();

    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    private final Map<String, String> images = new ConcurrentHashMap<>();

    private final Map<String, Boolean> complete = new ConcurrentHashMap<>();

    private Map<String, Integer> outputs;

    private Map<String, Owner> owners;

    /**
     * @param settings the run's fingerprint of everything besides the input that decides
     * the outputs: a stamp made with other settings does not count
     * @param extensions those of the run's formats: the files each article has
     * @param folderUnchanged nothing was added to the output folder, removed or renamed
     * since a completed run with these settings found the outputs of all its stamps
     * there: they are not looked for again
     * @param listing the folder's names as this run found them, or {@code null}
     */
    public RunStamps(Map<String, InputStamps.Stamp> stamps, String settings, Path output, List<String> extensions,
            boolean folderUnchanged, OutputListing listing) {
        this.listing = listing;
        this.stamps = Map.copyOf(stamps);
        this.settings = settings;
        this.output = output;
        this.extensions = List.copyOf(extensions);
        this.folderUnchanged = folderUnchanged;
    }

    boolean isEmpty() {
        return stamps.isEmpty();
    }

    /** The file's stamp, when it was made with this run's settings. */
    InputStamps.Stamp stamp(String file) {
        InputStamps.Stamp stamp = stamps.get(file);
        return stamp != null && stamp.settings().equals(settings) ? stamp : null;
    }

    StampContent content(InputStamps.Stamp stamp) {
        return contents.computeIfAbsent(stamp.file(), f -> StampContent.fromJson(stamp.content()));
    }

    /** The SHA-256 of a file of this size and time (a touched file: read once). */
    String sha256(Path file, long size, long modified) throws IOException {
        String key = file + "|" + size + "|" + modified;
        try {
            return hashes.computeIfAbsent(key, k -> {
                try {
                    return FileSkip.sha256(file);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An image's stamp as the content fingerprint takes it now. */
    String imageStamp(Path folder, String src) {
        return images.computeIfAbsent(folder + "\u0000" + src, k -> ContentHash.imageStamp(folder, src));
    }

    /**
     * True when every file of every article of the stamped file is in the output folder
     * (decided once per run, for all partitions).
     */
    boolean hasOutputs(InputStamps.Stamp stamp) {
        if (folderUnchanged) {
            return true;
        }
        return complete.computeIfAbsent(stamp.file(), f -> {
            Map<String, Integer> found = outputs();
            int all = (1 << OutputListing.suffixes(extensions).size()) - 1;
            for (StampContent.Article article : content(stamp).articles()) {
                Integer files = found.get(article.stem());
                if (files == null || files != all) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The stamped article written as {@code name}, ignoring case. */
    Owner owner(String name) {
        return owners().get(name.toLowerCase(Locale.ROOT));
    }

    /** The stamped files from {@code first} to {@code last}, in file-name order. */
    List<String> between(String first, String last) {
        return stamps.keySet().stream().filter(f -> f.compareTo(first) >= 0 && f.compareTo(last) <= 0).toList();
    }

    /**
     * One listing of the folder, not a look-up per file: for each name stem, which of its
     * files are there (bit 0 the cover, 1 the thumbnail, then one per format).
     */
    private synchronized Map<String, Integer> outputs() {
        if (outputs == null) {
            List<String> suffixes = OutputListing.suffixes(extensions);
            if (listing != null && listing.suffixes().equals(suffixes)) {
                outputs = listing.outputs();
            }
            else {
                try {
                    outputs = OutputListing.of(output, suffixes, name -> false).outputs();
                }
                catch (IOException e) {
                    outputs = Map.of(); // nothing found: every file is read, its problem
                                        // reported
                }
            }
            listing = null;
        }
        return outputs;
    }

    private synchronized Map<String, Owner> owners() {
        if (owners == null) {
            Map<String, Owner> index = new HashMap<>();
            for (InputStamps.Stamp stamp : stamps.values()) {
                if (stamp.settings().equals(settings)) {
                    for (StampContent.Article article : content(stamp).articles()) {
                        index.put(article.stem().toLowerCase(Locale.ROOT), new Owner(stamp.file(), article));
                    }
                }
            }
            owners = index;
        }
        return owners;
    }

}
