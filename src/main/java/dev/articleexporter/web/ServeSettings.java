package dev.articleexporter.web;

import dev.articleexporter.job.ExportSettings;
import dev.articleexporter.model.RelatedMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code serve} was started with ({@code exporter.serve.*}, set by the command
 * line).
 *
 * @param input folder of the articles every run reads
 * @param output folder the runs write to, and the only one whose files are served
 * @param schedule whether the cron schedule runs exports; without it they start from the
 * page only
 * @param cron Spring cron expression (six fields, seconds first) of the nightly run
 * @param zone time zone of the cron expression and of the times the page shows
 * @param user HTTP Basic user; with {@code password}, every request must authenticate
 * @param stopTimeout how long a shutdown waits for a running export to reach a chunk
 * boundary
 */
@ConfigurationProperties("exporter.serve")
public record ServeSettings(@DefaultValue("input") Path input, @DefaultValue("output") Path output, @DefaultValue( {
        "pdf", "epub" }) List<String> formats, @DefaultValue("KEEP") RelatedMode related,
        @DefaultValue("true") boolean schedule, @DefaultValue("0 0 2 * * *") String cron, ZoneId zone, String user,
        String password, @DefaultValue("PT60S") Duration stopTimeout){

    public ServeSettings {
        input = input.toAbsolutePath().normalize();
        output = output.toAbsolutePath().normalize();
        formats = List.copyOf(formats);
        zone = zone == null ? ZoneId.systemDefault() : zone;
        user = user == null || user.isBlank() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
    }

    /**
     * Whether requests must authenticate: only when both a user and a password were
     * given.
     */
    public boolean credentials() {
        return user != null && password != null;
    }

    /**
     * What every run of this server does: always the same, so a stopped run is resumed by
     * the next one.
     */
    public ExportSettings exportSettings() {
        // Serve's runs always write the nightly digest, so the page and the catalog can
        // offer it.
        return new ExportSettings(input, output, formats, related, false, true);
    }

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "ServeSettings[input=" + input + ", output=" + output + ", formats=" + formats + ", related=" + related
                + ", schedule=" + schedule + ", cron=" + cron + ", zone=" + zone + ", stopTimeout=" + stopTimeout
                + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
