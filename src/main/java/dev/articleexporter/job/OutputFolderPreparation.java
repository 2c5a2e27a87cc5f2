package dev.articleexporter.job;

import dev.articleexporter.pipeline.OutputListing;
import dev.articleexporter.render.OutputFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before a run's partitions start, once: makes sure the output folder exists and removes
 * the temporary files a killed run left behind. Once per run, not per partition: a
 * partition starting later would delete the temporary files the others are writing. A
 * folder unchanged since a completed run left it holds no temporary file and is not
 * listed ({@link OutputFolderStates}), which also notes its time for the run's end.
 */
final class OutputFolderPreparation implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(OutputFolderPreparation.class);

    private final OutputFolderStates states;

    private final OutputFormats formats;

    OutputFolderPreparation(OutputFolderStates states, OutputFormats formats) {
        this.states = states;
        this.formats = formats;
    }

    @Override
    public void beforeStep(StepExecution step) {
        long checked = System.currentTimeMillis();
        ExportSettings run = ExportSettings.fromJobParameters(step.getJobParameters());
        Path folder = run.output();
        if (!states.unchanged(folder, null)) {
            List<String> extensions = formats.select(run.formats())
                .stream()
                .map(OutputFormats.Format::extension)
                .toList();
            OutputListing listing = prepare(folder, OutputListing.suffixes(extensions));
            if (listing != null) {
                states.listed(folder, step.getJobExecutionId(), listing);
            }
        }
        states.started(folder, step.getExecutionContext(), checked);
    }

    /**
     * Makes the folder if need be, goes over it once and removes the temporary files a
     * killed run left in it.
     * @param suffixes those of an article's files ({@link OutputListing#suffixes})
     * @return what the pass found, for the partitions, when nothing was removed and the
     * folder did not change during it; else {@code null}
     * @throws UncheckedIOException wrapping an {@link OutputWriteException} naming the
     * folder
     */
    static OutputListing prepare(Path folder, List<String> suffixes) {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(
                    new OutputWriteException("cannot create output folder " + folder + ": " + e.getMessage(), e));
        }
        try {
            OutputListing listing = OutputListing.of(folder, suffixes, StagedFiles::isStaged);
            int removed = StagedFiles.removeLeftovers(folder, listing.leftovers());
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run", removed);
            }
            return listing.leftovers().isEmpty() && listing.steady() ? listing : null;
        }
        catch (IOException e) {
            throw new UncheckedIOException(
                    new OutputWriteException("cannot clean output folder " + folder + ": " + e.getMessage(), e));
        }
    }

}
