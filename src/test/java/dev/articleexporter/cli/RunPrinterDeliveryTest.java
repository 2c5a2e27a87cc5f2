package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.articleexporter.delivery.Deliveries;
import dev.articleexporter.delivery.Delivery;
import dev.articleexporter.job.ExportReport;
import dev.articleexporter.web.ExportRuns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.GenericApplicationContext;

/**
 * {@code serve --subscribers}: after each completed run of the server, its delivery by
 * e-mail; a failed run delivers nothing.
 */
class RunPrinterDeliveryTest {

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private final Deliveries deliveries = mock(Deliveries.class);

    private final Deliveries.Request request = new Deliveries.Request(List.of(), "exporter@news.example", false, false);

    private void runsEnded(ExportReport... reports) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(Deliveries.class, () -> deliveries);
        context.refresh();
        ExportRuns.Outcome outcome = new ExportRuns.Outcome(ExportRuns.Trigger.SCHEDULE, Instant.now(),
                List.of(reports), null);
        new RunPrinter(new PrintWriter(out, true), new PrintWriter(err, true), request)
            .onApplicationEvent(new PayloadApplicationEvent<>(context, new ExportRuns.RunsEnded(outcome)));
        context.close();
    }

    private static ExportReport report(long id, BatchStatus status) {
        return new ExportReport(id, null, status, LocalDateTime.now(), LocalDateTime.now(), 1, 1, 0, 0, List.of(),
                List.of());
    }

    @Test
    void eachCompletedRunIsDeliveredAndAFailureIsAWarning() {
        when(deliveries.afterRun(7, request)).thenReturn(List.of(
                new Delivery(7, "reader@kindle.example", "digest epub", Delivery.Status.SENT,
                        List.of("digest-2026-12-06-run-7.epub"), null),
                new Delivery(7, "other@mail.example", "digest epub", Delivery.Status.FAILED,
                        List.of("digest-2026-12-06-run-7.epub"), "Connection refused")));
        runsEnded(report(7, BatchStatus.COMPLETED));
        verify(deliveries).afterRun(eq(7L), eq(request));
        assertThat(out.toString())
            .contains("Delivery (run 7): reader@kindle.example: sent digest-2026-12-06-run-7.epub");
        assertThat(err.toString())
            .contains("warning: run 7: other@mail.example: not delivered (digest-2026-12-06-run-7.epub): "
                    + "Connection refused; a later run tries again");
    }

    @Test
    void aFailedRunDeliversNothing() {
        runsEnded(report(8, BatchStatus.FAILED));
        verify(deliveries, never()).afterRun(anyLong(), eq(request));
    }

}
