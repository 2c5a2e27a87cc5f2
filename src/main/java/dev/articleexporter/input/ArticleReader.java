package dev.articleexporter.input;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads every article of every {@code *.json} file of the input folder, in file-name
 * order then array order. It reports its {@link Position} and can start from one, so a
 * restarted run goes on where the failed one stopped (the export job keeps the position
 * with each chunk).
 */
public class ArticleReader implements AutoCloseable {

    /**
     * Where a reader is: the next article slot to read.
     *
     * @param file the file, by name relative to the input folder: files added or removed
     * since keep their place in the order; {@code ""} before the first file, {@link #END}
     * after the last
     * @param article how many article slots of that file were read
     */
    public record Position(String file, int article) {

        /** Sorted after every file name. */
        public static final String END = "\uffff";

        public static final Position START = new Position("", 0);

        public Position {
            if (file == null || article < 0) {
                throw new IllegalArgumentException("position " + article + " of " + file);
            }
        }
    }

    private final InputFolder folder;

    /** At most this many files are passed over as one input: the progress moves on. */
    static final int FILES_PER_SKIP = 500;

    private final Share share;

    private final FileSkip skip;

    private List<Path> files;

    private boolean resumedInFile;

    private int fileIndex;

    private ArticleFile current;

    public ArticleReader(Path inputFolder) {
        this(inputFolder, Share.ALL);
    }

    /**
     * @param share the articles this reader hands on; the others are read past (a
     * partition of a run)
     */
    public ArticleReader(Path inputFolder, Share share) {
        this(inputFolder, share, FileSkip.NONE);
    }

    /**
     * @param skip decides which files are passed over unread, as one
     * {@link Input.Unchanged} per run of consecutive files
     */
    public ArticleReader(Path inputFolder, Share share, FileSkip skip) {
        this.folder = new InputFolder(inputFolder);
        this.share = share;
        this.skip = skip;
    }

    /** Lists the folder and starts at the beginning. */
    public void open() {
        open(Position.START);
    }

    /**
     * Lists the folder and goes on from {@code from}, a position an earlier reader of the
     * same folder reported.
     */
    public void open(Position from) {
        files = folder.jsonFiles();
        if (!from.equals(Position.START)) {
            skip.resume();
        }
        fileIndex = 0;
        while (fileIndex < files.size() && name(fileIndex).compareTo(from.file()) < 0) {
            fileIndex++;
        }
        if (fileIndex < files.size() && name(fileIndex).equals(from.file())) {
            current = openFile(fileIndex);
            current.skip(from.article());
            resumedInFile = from.article() > 0;
        }
    }

    /** The next input, or {@code null} after the last. */
    public Input read() {
        Origin first = null;
        int skipped = 0;
        int articles = 0;
        while (fileIndex < files.size()) {
            if (current == null) {
                int unchanged = skipped < FILES_PER_SKIP ? skip.unchanged(name(fileIndex), files.get(fileIndex)) : -1;
                if (unchanged >= 0) {
                    first = first == null ? Origin.wholeFile(name(fileIndex)) : first;
                    skipped++;
                    articles += share.ownsFileProblems(name(fileIndex)) ? unchanged : 0;
                    fileIndex++;
                    continue;
                }
                if (skipped > 0) {
                    return new Input.Unchanged(first, name(fileIndex - 1), skipped, articles, skip.names());
                }
                current = openFile(fileIndex);
            }
            Input next = current.next();
            if (next != null) {
                return next;
            }
            skip.finished(current.fileRead(!resumedInFile));
            resumedInFile = false;
            current.close();
            current = null;
            fileIndex++;
        }
        return skipped > 0 ? new Input.Unchanged(first, name(fileIndex - 1), skipped, articles, skip.names()) : null;
    }

    /** Where the next {@link #read()} goes on from. */
    public Position position() {
        return new Position(fileIndex < files.size() ? name(fileIndex) : Position.END,
                current == null ? 0 : current.position());
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private ArticleFile openFile(int index) {
        return new ArticleFile(files.get(index), name(index), share, skip);
    }

    private String name(int index) {
        return folder.path().relativize(files.get(index)).toString();
    }

}
