package dev.articleexporter.cli;

import dev.articleexporter.delivery.Deliveries;
import dev.articleexporter.delivery.Delivery;
import dev.articleexporter.delivery.Subscriber;
import dev.articleexporter.delivery.SubscribersFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deliver}: sends by e-mail what a run has not yet delivered to its subscribers,
 * or everything again ({@code --again}); {@code --dry-run} shows what would go.
 */
@Command(name = "deliver", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
                "Sends a run's nightly digest (or the articles of chosen sections) by e-mail to the "
                        + "subscribers of FILE: what the run has not yet delivered, or everything with --again.",
                "The mail server is Spring Boot's spring.mail.* (SPRING_MAIL_HOST, SPRING_MAIL_PORT, "
                        + "SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)." })
public class DeliverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption history;

    @Mixin
    MailOptions mail;

    @Option(names = "--run", paramLabel = "ID", description = "The run whose files are sent (default: the latest).")
    Long run;

    @Option(names = "--again", description = "Send also what was delivered before (a re-send, with a new Message-ID).")
    boolean again;

    @Option(names = "--dry-run", description = "Send nothing: show what would go to whom.")
    boolean dryRun;

    /**
     * {@code --subscribers} and {@code --mail-from}: shared by {@code export},
     * {@code serve} and {@code deliver}.
     */
    static class MailOptions {

        @Option(names = "--subscribers", paramLabel = "FILE",
                description = "YAML file of the subscribers to mail (docs/operations.md, \"Delivery by e-mail\").")
        Path subscribers;

        @Option(names = "--mail-from", paramLabel = "ADDRESS",
                description = "The mails' sender (default: the property exporter.mail.from).")
        String from;

        boolean given() {
            return subscribers != null;
        }

        /** The request, or {@code null} without {@code --subscribers}. */
        Deliveries.Request request(boolean again, boolean dryRun) throws SubscribersFile.InvalidException {
            if (subscribers == null) {
                return null;
            }
            List<Subscriber> list = SubscribersFile.read(subscribers);
            return new Deliveries.Request(list, from, again, dryRun);
        }

    }

    /** Prints what became of each delivery: failures as warnings. */
    static int print(List<Delivery> deliveries, PrintWriter out, PrintWriter err) {
        int failed = 0;
        for (Delivery delivery : deliveries) {
            if (delivery.status() == Delivery.Status.FAILED) {
                failed++;
                err.println("warning: run " + delivery.runId() + ": " + delivery.line());
            }
            else {
                out.println("Delivery (run " + delivery.runId() + "): " + delivery.line());
            }
        }
        out.flush();
        err.flush();
        return failed;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mail.subscribers == null) {
            err.println("error: deliver needs --subscribers FILE");
            return Cli.USAGE;
        }
        Deliveries.Request request;
        try {
            request = mail.request(again, dryRun);
        }
        catch (SubscribersFile.InvalidException e) {
            err.println("error: " + e.getMessage());
            return Cli.USAGE;
        }
        Database database = history.database();
        if (!database.exists()) {
            err.println("error: no runs recorded yet: there is no database at " + database.describe());
            return Cli.USAGE;
        }
        Map<String, Object> properties = database.springProperties();
        try (ConfigurableApplicationContext context = Spring.start(properties)) {
            Deliveries deliveries = context.getBean(Deliveries.class);
            String problem = deliveries.problem(request);
            if (problem != null) {
                err.println("error: " + problem);
                return Cli.USAGE;
            }
            Long id = run != null ? run : deliveries.latestRun().orElse(null);
            if (id == null) {
                err.println("error: no runs recorded yet in " + database.describe());
                return Cli.USAGE;
            }
            if (dryRun) {
                out.println("Dry run: nothing is sent.");
            }
            // without --run it is "the next run" for earlier failures too, once their
            // delay has passed
            int failed = print(
                    run == null && !again ? deliveries.afterRun(id, request) : deliveries.deliver(id, request), out,
                    err);
            return failed > 0 ? Cli.FAILED : Cli.OK;
        }
        catch (DataAccessException e) {
            err.println("error: " + Failures.describe(e, database));
            return Cli.FAILED;
        }
    }

}
