package dev.articleexporter.input;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often the input files of a watched folder are opened to be read (framed or
 * parsed) and how often to be fingerprinted only: how a test tells a file passed over
 * unread from one read. Nothing is counted for folders nobody watches.
 */
public final class FileReads implements AutoCloseable {

    private static final Map<Path, FileReads> WATCHED = new ConcurrentHashMap<>();

    private final Path folder;

    private final Map<String, AtomicInteger> read = new ConcurrentHashMap<>();

    private final AtomicInteger hashed = new AtomicInteger();

    private FileReads(Path folder) {
        this.folder = folder;
    }

    /** Counts from now until {@link #close()}. */
    public static FileReads watch(Path folder) {
        FileReads reads = new FileReads(key(folder));
        WATCHED.put(reads.folder, reads);
        return reads;
    }

    /** How often each file was opened to be read, by name. */
    public Map<String, Integer> read() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        read.forEach((file, n) -> counts.put(file, n.get()));
        return counts;
    }

    /** How often a file was read only to compare its SHA-256 with its stamp's. */
    public int hashed() {
        return hashed.get();
    }

    @Override
    public void close() {
        WATCHED.remove(folder, this);
    }

    static void opened(Path file) {
        FileReads reads = watcher(file);
        if (reads != null) {
            reads.read.computeIfAbsent(file.getFileName().toString(), f -> new AtomicInteger()).incrementAndGet();
        }
    }

    static void hashed(Path file) {
        FileReads reads = watcher(file);
        if (reads != null) {
            reads.hashed.incrementAndGet();
        }
    }

    private static FileReads watcher(Path file) {
        return WATCHED.isEmpty() ? null : WATCHED.get(key(file).getParent());
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

}
