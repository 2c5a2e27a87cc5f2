package dev.articleexporter.job;

import dev.articleexporter.history.InputStamps;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.input.FileSkip;
import dev.articleexporter.input.InputFolder;
import dev.articleexporter.pipeline.OutputListing;
import dev.articleexporter.pipeline.RunStamps;
import dev.articleexporter.pipeline.UnchangedFiles;
import dev.articleexporter.render.OutputFormats;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

/**
 * Gives each partition of a run its file-level skip ({@link UnchangedFiles}): the output
 * folder's stamps are loaded once per run in this process, however many partitions it
 * runs ({@link PerRun}).
 */
@Component
public class UnchangedInputs {

    private final InputStamps stamps;

    private final RunArticles articles;

    private final OutputFormats formats;

    private final RenderSettings renderSettings;

    private final PerRun<RunStamps> loaded = new PerRun<>();

    private final OutputFolderStates folders;

    UnchangedInputs(InputStamps stamps, RunArticles articles, OutputFormats formats, RenderSettings renderSettings,
            OutputFolderStates folders) {
        this.folders = folders;
        this.stamps = stamps;
        this.articles = articles;
        this.formats = formats;
        this.renderSettings = renderSettings;
    }

    /** What one partition's reader asks before it opens a file. */
    FileSkip forPartition(WorkerSettings worker) {
        RunStamps run = acquire(worker.jobExecutionId(), worker.run());
        return new UnchangedFiles(run, worker.run().force(),
                new UnchangedFiles.Run(stamps, articles, worker.jobInstanceId(), worker.jobExecutionId(),
                        worker.partition().index(), worker.partition().count()));
    }

    /**
     * The articles a run's input holds, for a progress display: files unchanged since
     * their stamps are counted from them, only the others are framed
     * ({@link InputFolder#countArticles(InputFolder.Known)}).
     */
    public int countArticles(JobParameters parameters) {
        ExportSettings run = ExportSettings.fromJobParameters(parameters);
        Map<String, long[]> counts = stamps.counts(run.output());
        return new InputFolder(run.input()).countArticles((name, size, modified) -> {
            long[] known = counts.get(name);
            return known != null && known[0] == size && known[1] == modified ? (int) known[2] : -1;
        });
    }

    /** The run's export step has ended here: its stamps are let go. */
    void runEnded(long jobExecutionId) {
        loaded.ended(jobExecutionId);
    }

    private RunStamps acquire(long jobExecutionId, ExportSettings run) {
        return loaded.get(jobExecutionId, () -> {
            OutputListing listing = folders.listing(run.output(), jobExecutionId);
            List<OutputFormats.Format> selected = formats.select(run.formats());
            String settings = settings(run);
            return new RunStamps(run.force() ? Map.of() : stamps.load(run.output()), settings, run.output(),
                    selected.stream().map(OutputFormats.Format::extension).toList(),
                    folders.unchanged(run.output(), settings), listing);
        });
    }

    /**
     * Everything besides an input file's bytes that decides its articles' outputs: the
     * input folder (images are found from it), how related links are shown, the formats
     * and the render settings ({@link RenderSettings}). A stamp counts only for a run
     * with the same.
     */
    String settings(ExportSettings run) {
        String all = "file-stamp-1|" + run.input() + "|" + run.related() + "|"
                + renderSettings.fingerprint(formats.select(run.formats()));
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
