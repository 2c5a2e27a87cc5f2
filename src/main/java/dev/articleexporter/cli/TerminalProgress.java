package dev.articleexporter.cli;

import dev.articleexporter.article.InputFolder;
import dev.articleexporter.batch.ExportJobConfig;
import dev.articleexporter.batch.ExportListener;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.batch.core.annotation.AfterProcess;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A progress bar (done/total, rate, time left) on the terminal; only when a person is watching. */
@ExportListener
@ConditionalOnProperty(name = "exporter.progress", havingValue = "true")
public class TerminalProgress {

    private volatile ProgressBar bar;

    @BeforeStep
    public void start(StepExecution step) {
        if (!ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            return; // a partition: the bar is the whole run's
        }
        String input = step.getJobParameters().getString("input");
        int total = new InputFolder(Path.of(input)).countArticles();
        bar = new ProgressBarBuilder()
                .setTaskName("Exporting")
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
            current.step();
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
