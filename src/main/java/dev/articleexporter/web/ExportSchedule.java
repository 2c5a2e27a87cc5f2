package dev.articleexporter.web;

import java.time.ZonedDateTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The nightly run: the server's cron expression in its time zone asks {@link ExportRuns}
 * for a run. A time that comes while a run is still going is skipped, not queued. Absent
 * with {@code --no-schedule} ({@code exporter.serve.schedule=false}), and in the other
 * commands.
 */
@Configuration
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "exporter.serve.schedule", havingValue = "true", matchIfMissing = true)
@EnableScheduling
public class ExportSchedule implements SchedulingConfigurer {

    private final ExportRuns runs;

    private final ServeSettings settings;

    public ExportSchedule(ExportRuns runs, ServeSettings settings) {
        this.runs = runs;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(() -> runs.request(ExportRuns.Trigger.SCHEDULE),
                new CronTrigger(settings.cron(), settings.zone()));
    }

    /** When the schedule next asks for a run. */
    public ZonedDateTime next() {
        return CronExpression.parse(settings.cron()).next(ZonedDateTime.now(settings.zone()));
    }

}
