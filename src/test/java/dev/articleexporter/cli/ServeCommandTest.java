package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.web.ExportRuns;
import dev.articleexporter.web.ServerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.WebApplicationContext;
import picocli.CommandLine;

/**
 * What {@code serve} refuses before it starts anything: each with one line saying why,
 * and exit code 2.
 */
class ServeCommandTest {

    @TempDir
    Path work;

    private String err;

    /**
     * Runs serve with these options (and an existing input folder) and the given
     * environment.
     */
    private int serve(Map<String, String> environment, String... options) throws Exception {
        Files.createDirectories(work.resolve("input"));
        List<String> args = new ArrayList<>(List.of("--input", work.resolve("input").toString(), "--output",
                work.resolve("output").toString(), "--db", work.resolve("data/exporter").toString()));
        args.addAll(List.of(options));
        ServeCommand command = new ServeCommand();
        command.environment = environment;
        StringWriter errors = new StringWriter();
        int code = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(errors, true))
            .execute(args.toArray(String[]::new));
        err = errors.toString();
        return code;
    }

    @Test
    void refusesToListenBeyondThisMachineWithoutCredentials() throws Exception {
        for (String bind : List.of("0.0.0.0", "::", "192.0.2.10")) {
            assertThat(serve(Map.of(), "--bind", bind)).as(bind).isEqualTo(Cli.USAGE);
            assertThat(err.lines()).as(bind).hasSize(1);
            assertThat(err).startsWith("error: refusing to listen on " + bind + " without a user and password")
                .contains("--user")
                .contains(ServeCommand.PASSWORD_VARIABLE);
        }
        assertThat(work.resolve("data")).doesNotExist(); // nothing was started
    }

    @Test
    void refusesHalfTheCredentials() throws Exception {
        assertThat(serve(Map.of(), "--bind", "0.0.0.0", "--user", "editor")).isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: a user needs a password");
        assertThat(serve(Map.of(ServeCommand.PASSWORD_VARIABLE, "secret"), "--bind", "0.0.0.0")).isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: a password needs a user");
        Files.writeString(work.resolve("empty"), "");
        assertThat(serve(Map.of(), "--user", "editor", "--password-file", work.resolve("empty").toString()))
            .isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: a user needs a password");
        assertThat(serve(Map.of(), "--user", "editor", "--password-file", work.resolve("missing").toString()))
            .isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: cannot read the password file");
    }

    @Test
    void refusesBadScheduleAndOptions() throws Exception {
        // five fields: Unix cron, not Spring's
        assertThat(serve(Map.of(), "--cron", "0 2 * * *")).isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: --cron \"0 2 * * *\" is not a Spring cron expression");
        assertThat(serve(Map.of(), "--zone", "Mars/Olympus")).isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("error: --zone Mars/Olympus is not a time zone");
        assertThat(serve(Map.of(), "--port", "70000")).isEqualTo(Cli.USAGE);
        Files.delete(work.resolve("input"));
        CliRun run = CliRun.of("serve", "--input", work.resolve("input").toString(), "--db",
                work.resolve("data/exporter").toString());
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("error: input folder not found");
    }

    /**
     * export, runs and validate start Spring without a server: no web beans, no schedule,
     * no port.
     */
    @Test
    void otherCommandsStartNoServerAndNoSchedule() throws Exception {
        Database database = new Database(work.resolve("data/exporter").toString());
        database.createFolder();
        try (ConfigurableApplicationContext context = Spring.start(database.springProperties())) {
            assertThat(context).isNotInstanceOf(WebApplicationContext.class);
            assertThat(context.getBeanNamesForType(ExportRuns.class)).isEmpty();
            assertThat(context.getBeanNamesForType(ServerStatus.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
            assertThat(context.getBeanNamesForType(TaskScheduler.class)).isEmpty();
            assertThat(context.getBeanNamesForAnnotation(Controller.class)).isEmpty();
        }
    }

    @Test
    void isACommandOfTheCli() {
        StringWriter out = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "serve", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--bind")
            .contains("--cron")
            .contains("--no-schedule")
            .contains("--password-file");
    }

}
