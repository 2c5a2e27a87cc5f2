package dev.articleexporter.cli;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.web.ExportRuns;
import java.io.PrintWriter;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * {@code serve}'s terminal (the service's journal): the summary of each request's runs as
 * they end, as {@code export} prints it.
 */
final class RunPrinter implements ApplicationListener<PayloadApplicationEvent<ExportRuns.RunsEnded>> {

    private final PrintWriter out;

    private final PrintWriter err;

    RunPrinter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<ExportRuns.RunsEnded> event) {
        ExportRuns.Outcome outcome = event.getPayload().outcome();
        String by = outcome.trigger() == ExportRuns.Trigger.SCHEDULE ? "scheduled" : "from the page";
        if (outcome.problem() != null) {
            err.println("error: the run asked for " + by + " did not run: " + outcome.problem());
            err.flush();
        }
        Summary summary = new Summary(out, err);
        for (ExportReport report : outcome.reports()) {
            summary.print(report, by);
        }
    }

}
