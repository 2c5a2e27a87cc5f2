package dev.articleexporter.cli;

import dev.articleexporter.input.Input;
import dev.articleexporter.job.UnchangedInputs;
import org.springframework.beans.factory.ObjectProvider;
import dev.articleexporter.job.ExportJobConfig;
import dev.articleexporter.job.ExportListener;
import dev.articleexporter.job.ExporterProperties;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.batch.core.annotation.AfterProcess;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * A progress bar (done/total, rate, time left) on the terminal; only when a person is
 * watching. Always a bean, told at run time whether to draw: a condition on the property
 * would be decided once at build time by Spring AOT, which the launcher uses, and the bar
 * would never show.
 */
@ExportListener
public class TerminalProgress {

    private final boolean enabled;

    private volatile ProgressBar bar;

    /**
     * @param properties {@code exporter.progress}: set by {@code export} when its output
     * is a terminal
     */
    private final ObjectProvider<UnchangedInputs> unchanged;

    public TerminalProgress(ExporterProperties properties, ObjectProvider<UnchangedInputs> unchanged) {
        this.enabled = properties.progress();
        this.unchanged = unchanged;
    }

    @BeforeStep
    public void start(StepExecution step) {
        if (!enabled || !ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            return; // not watched, or a partition: the bar is the whole run's
        }
        // files unchanged since their last export are counted from their stamps, not read
        int total = unchanged.getObject().countArticles(step.getJobParameters());
        bar = new ProgressBarBuilder().setTaskName("Exporting")
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setUnit(" articles", 1)
            .showSpeed()
            .build();
    }

    @AfterProcess
    public void processed(Object item, Object result) {
        ProgressBar current = bar;
        if (current != null) {
            current.stepBy(item instanceof Input.Unchanged skipped ? skipped.articles() : 1);
        }
    }

    @AfterStep
    public void end(StepExecution step) {
        if (!ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            return;
        }
        ProgressBar current = bar;
        if (current != null) {
            current.close();
            bar = null;
        }
    }

}
