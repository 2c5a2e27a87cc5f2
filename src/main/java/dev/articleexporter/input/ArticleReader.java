package dev.articleexporter.input;

import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every article of every {@code *.json} file of the input folder, in file-name order then
 * array order. Its position (file, article) is saved with each chunk, so a restarted run goes on
 * where the failed one stopped.
 */
public class ArticleReader implements ItemStreamReader<Input> {

    private static final String FILE_KEY = "reader.file";
    private static final String POSITION_KEY = "reader.position";

    private final InputFolder folder;
    private final Share share;
    private List<Path> files;
    private int fileIndex;
    private ArticleFile current;

    public ArticleReader(Path inputFolder) {
        this(inputFolder, Share.ALL);
    }

    /** @param share the articles this reader hands on; the others are read past (a partition of a run) */
    public ArticleReader(Path inputFolder, Share share) {
        this.folder = new InputFolder(inputFolder);
        this.share = share;
    }

    @Override
    public void open(ExecutionContext context) {
        files = folder.jsonFiles();
        // Saved by name, not index: files added or removed since keep their place in the order.
        String savedFile = context.getString(FILE_KEY, "");
        fileIndex = 0;
        while (fileIndex < files.size() && name(fileIndex).compareTo(savedFile) < 0) {
            fileIndex++;
        }
        if (fileIndex < files.size() && name(fileIndex).equals(savedFile)) {
            current = openFile(fileIndex);
            current.skip(context.getInt(POSITION_KEY, 0));
        }
    }

    @Override
    public Input read() {
        while (fileIndex < files.size()) {
            if (current == null) {
                current = openFile(fileIndex);
            }
            Input next = current.next();
            if (next != null) {
                return next;
            }
            current.close();
            current = null;
            fileIndex++;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(FILE_KEY, fileIndex < files.size() ? name(fileIndex) : "\uffff");
        context.putInt(POSITION_KEY, current == null ? 0 : current.position());
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private ArticleFile openFile(int index) {
        return new ArticleFile(files.get(index), name(index), share);
    }

    private String name(int index) {
        return folder.path().relativize(files.get(index)).toString();
    }
}
