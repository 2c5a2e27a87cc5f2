package dev.articleexporter.web;

import dev.articleexporter.job.ExportJobConfig;
import dev.articleexporter.job.ExportListener;
import dev.articleexporter.job.UnchangedInputs;
import org.springframework.beans.factory.ObjectProvider;
import java.util.function.Consumer;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * Which run the export step is working on now and how many articles its input holds, for
 * the page's progress bar and for stopping the run on shutdown. The counts themselves
 * come from the job repository, where the step records them at every chunk commit.
 *
 * <p>
 * Deliberately without eager dependencies: the step collects its listeners while it is
 * being built.
 */
@ExportListener
@ConditionalOnWebApplication
public class RunProgress {

    /** The step now running, with the number of articles in its input folder. */
    record Current(StepExecution step, int total) {

        JobExecution jobExecution() {
            return step.getJobExecution();
        }
    }

    private volatile Current current;

    private final ObjectProvider<UnchangedInputs> unchanged;

    public RunProgress(ObjectProvider<UnchangedInputs> unchanged) {
        this.unchanged = unchanged;
    }

    private volatile Consumer<JobExecution> onStart = execution -> {
    };

    @BeforeStep
    public void started(StepExecution step) {
        if (!ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            return; // a partition of the run: the run's step stands for them all
        }
        String input = step.getJobParameters().getString("input");
        // Counting is fast (array elements are skipped, not parsed) and happens once per
        // run, and files unchanged since their last export are counted from their
        // records.
        int total = input == null ? 0 : unchanged.getObject().countArticles(step.getJobParameters());
        current = new Current(step, total);
        onStart.accept(step.getJobExecution());
    }

    @AfterStep
    public void ended(StepExecution step) {
        if (!ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            return;
        }
        current = null;
    }

    /**
     * Called with each run as its step begins, in the run's thread, from now on: how a
     * shutdown stops the run that follows a resumed one (no polling for it).
     */
    void onStart(Consumer<JobExecution> action) {
        onStart = action;
    }

    /** The running step, or {@code null} between runs. */
    Current current() {
        return current;
    }

}
