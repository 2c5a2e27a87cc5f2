package dev.articleexporter.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    OutputFolderPreparation(OutputFolderStates states) {
        this.states = states;
    }

    @Override
    public void beforeStep(StepExecution step) {
        Path folder = ExportSettings.fromJobParameters(step.getJobParameters()).output();
        if (!states.unchanged(folder, null)) {
            prepare(folder);
        }
        states.started(folder, step.getExecutionContext());
    }

    /**
     * @throws UncheckedIOException wrapping an {@link OutputWriteException} naming the
     * folder
     */
    static void prepare(Path folder) {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(
                    new OutputWriteException("cannot create output folder " + folder + ": " + e.getMessage(), e));
        }
        try {
            int removed = StagedFiles.removeLeftovers(folder);
            if (removed > 0) {
                log.info("Removed {} temporary files left by an interrupted run", removed);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(
                    new OutputWriteException("cannot clean output folder " + folder + ": " + e.getMessage(), e));
        }
    }

}
