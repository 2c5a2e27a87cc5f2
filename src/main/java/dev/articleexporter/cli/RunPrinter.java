package dev.articleexporter.cli;

import dev.articleexporter.delivery.Deliveries;
import dev.articleexporter.job.ExportReport;
import dev.articleexporter.web.ExportRuns;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * {@code serve}'s terminal (the service's journal): the summary of each request's runs as
 * they end, as {@code export} prints it; then, with {@code --subscribers}, the delivery
 * of each completed run by e-mail.
 */
final class RunPrinter implements ApplicationListener<PayloadApplicationEvent<ExportRuns.RunsEnded>> {

    private static final Logger log = LoggerFactory.getLogger(RunPrinter.class);

    private final PrintWriter out;

    private final PrintWriter err;

    private final Deliveries.Request delivery;

    RunPrinter(PrintWriter out, PrintWriter err) {
        this(out, err, null);
    }

    /**
     * @param delivery what to mail after each run, or {@code null}
     */
    RunPrinter(PrintWriter out, PrintWriter err, Deliveries.Request delivery) {
        this.out = out;
        this.err = err;
        this.delivery = delivery;
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
        if (delivery != null && event.getSource() instanceof ApplicationContext context) {
            deliver(context.getBean(Deliveries.class), outcome);
        }
    }

    private void deliver(Deliveries deliveries, ExportRuns.Outcome outcome) {
        String problem = deliveries.problem(delivery);
        if (problem != null && !outcome.reports().isEmpty()) {
            err.println("warning: nothing is mailed: " + problem);
            err.flush();
            return;
        }
        for (ExportReport report : outcome.reports()) {
            if (report.completed()) {
                try {
                    DeliverCommand.print(deliveries.afterRun(report.executionId(), delivery), out, err);
                }
                catch (RuntimeException e) {
                    log.warn("Run {}: delivery by e-mail failed", report.executionId(), e);
                    err.println("warning: run " + report.executionId() + ": the delivery by e-mail failed; "
                            + "'deliver' tries again");
                    err.flush();
                }
            }
        }
    }

}
