package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The command line of remote runs ({@code --broker}, {@code worker}): what is refused
 * before anything starts (exit 2, one plain line), what {@code --help} shows, and that
 * the plain commands' context has no metrics, health or JMS beans.
 */
class RemoteOptionsTest {

    static final String POSTGRES = "jdbc:postgresql://db.example:5432/exporter";

    static final Map<String, String> NO_CREDENTIALS = Map.of();

    static final Map<String, String> CREDENTIALS = Map.of(BrokerOptions.USER_VARIABLE, "exporter",
            BrokerOptions.PASSWORD_VARIABLE, "secret");

    @TempDir
    Path work;

    private String err;

    private int run(Callable<Integer> command, String... args) {
        StringWriter errors = new StringWriter();
        int code = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(errors, true))
            .execute(args);
        err = errors.toString();
        return code;
    }

    private int export(Map<String, String> environment, String... options) throws Exception {
        Files.createDirectories(work.resolve("input"));
        ExportCommand command = new ExportCommand();
        command.environment = environment;
        String[] args = new String[options.length + 4];
        args[0] = "--input";
        args[1] = work.resolve("input").toString();
        args[2] = "--output";
        args[3] = work.resolve("output").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return run(command, args);
    }

    private int worker(Map<String, String> environment, String... options) {
        WorkerCommand command = new WorkerCommand();
        command.environment = environment;
        return run(command, options);
    }

    @Test
    void aMalformedBrokerUrlIsAUsageError() throws Exception {
        for (String url : new String[] { "localhost:61616", "tcp://", "tcp://host", "http://host:61616",
                "tcp://host:99999", "tcp://host:61616/queue" }) {
            assertThat(worker(NO_CREDENTIALS, "--broker", url, "--db", POSTGRES)).as(url).isEqualTo(Cli.USAGE);
            assertThat(err).as(url)
                .startsWith("error: --broker " + url + " is not a broker URL")
                .doesNotContain("\tat ");
            assertThat(export(NO_CREDENTIALS, "--broker", url, "--db", POSTGRES)).as(url).isEqualTo(Cli.USAGE);
            assertThat(err).contains("embedded://HOST:PORT");
        }
    }

    @Test
    void aRemoteRunWithALocalH2DatabaseIsRefused() throws Exception {
        for (String db : new String[] { work.resolve("data/exporter").toString(), "jdbc:h2:file:/tmp/x",
                "jdbc:h2:~/exporter", "jdbc:h2:mem:x" }) {
            assertThat(export(NO_CREDENTIALS, "--broker", "embedded://127.0.0.1:61616", "--db", db)).as(db)
                .isEqualTo(Cli.USAGE);
            assertThat(err).as(db).contains("needs a history database every machine can reach");
            assertThat(worker(NO_CREDENTIALS, "--broker", "tcp://127.0.0.1:61616", "--db", db)).as(db)
                .isEqualTo(Cli.USAGE);
            assertThat(err).as(db).contains("needs a history database every machine can reach");
        }
        // the default --db, too, and nothing was created for it
        assertThat(worker(NO_CREDENTIALS, "--broker", "tcp://127.0.0.1:61616")).isEqualTo(Cli.USAGE);
        assertThat(work.resolve("output")).doesNotExist();
    }

    @Test
    void anEmbeddedBrokerBeyondLoopbackNeedsCredentials() {
        ManagerOptions options = new ManagerOptions();
        options.broker = "embedded://0.0.0.0:61616";
        Database postgres = new Database(POSTGRES);
        assertThat(options.problem(postgres, NO_CREDENTIALS)).startsWith("refusing to start a broker on 0.0.0.0")
            .contains(BrokerOptions.USER_VARIABLE);
        assertThat(options.problem(postgres, Map.of(BrokerOptions.USER_VARIABLE, "exporter")))
            .contains(BrokerOptions.PASSWORD_VARIABLE + " is not");
        assertThat(options.problem(postgres, CREDENTIALS)).isNull();
        options.broker = "embedded://127.0.0.1:61616";
        assertThat(options.problem(postgres, NO_CREDENTIALS)).isNull();
        assertThat(options.problem(new Database("jdbc:h2:tcp://db.example/exporter"), NO_CREDENTIALS)).isNull();

        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        options.workers = 2;
        options.putProperties(properties, CREDENTIALS);
        assertThat(properties).containsEntry("exporter.remote.broker", "embedded://127.0.0.1:61616")
            .containsEntry("exporter.remote.user", "exporter")
            .containsEntry("exporter.remote.password", "secret")
            .containsEntry("exporter.remote.workers", 2)
            .doesNotContainKey("exporter.remote.partitions");
    }

    @Test
    void workerAndManagerOptionsAreChecked() throws Exception {
        assertThat(worker(NO_CREDENTIALS, "--db", POSTGRES)).isEqualTo(Cli.USAGE);
        assertThat(err).contains("a worker needs --broker");
        assertThat(worker(NO_CREDENTIALS, "--broker", "embedded://127.0.0.1:61616", "--db", POSTGRES))
            .isEqualTo(Cli.USAGE);
        assertThat(err).contains("a worker connects to a broker");
        assertThat(worker(NO_CREDENTIALS, "--broker", "tcp://127.0.0.1:61616", "--db", POSTGRES, "--consumers", "0"))
            .isEqualTo(Cli.USAGE);
        assertThat(worker(NO_CREDENTIALS, "--broker", "tcp://127.0.0.1:61616", "--db", POSTGRES, "--management-port",
                "70000"))
            .isEqualTo(Cli.USAGE);
        assertThat(export(NO_CREDENTIALS, "--workers", "2")).isEqualTo(Cli.USAGE);
        assertThat(err).contains("--workers needs --broker");
        assertThat(export(NO_CREDENTIALS, "--broker", "tcp://127.0.0.1:61616", "--db", POSTGRES, "--partitions", "0"))
            .isEqualTo(Cli.USAGE);
    }

    @Test
    void helpShowsTheRemoteOptions() {
        CliRun worker = CliRun.of("worker", "--help");
        assertThat(worker.code()).isZero();
        assertThat(worker.out())
            .contains("--broker=URL", "--db=PATH", "--consumers=N", "--worker-id=ID", "--management-port=PORT",
                    "--page-size", "--fonts")
            .doesNotContain("--related", "--input");
        assertThat(CliRun.of("export", "--help").out()).contains("--broker=URL", "--workers=N", "--partitions=N");
        assertThat(CliRun.of("serve", "--help").out()).contains("--broker=URL", "--workers=N", "/actuator/prometheus");
        assertThat(CliRun.of("--help").out()).contains("worker");
    }

    @Test
    void aSharedDatabaseIsAServer() {
        assertThat(new Database(POSTGRES).isShared()).isTrue();
        assertThat(new Database("jdbc:h2:tcp://localhost/~/exporter").isShared()).isTrue();
        assertThat(new Database("jdbc:h2:file:./data/exporter").isShared()).isFalse();
        assertThat(new Database("jdbc:h2:./data/exporter").isShared()).isFalse();
        assertThat(new Database("data/exporter").isShared()).isFalse();
    }

    @Test
    void thePlainContextHasNoMetricsHealthOrJms() {
        Map<String, Object> properties = new Database(work.resolve("data/exporter").toString()).springProperties();
        try (ConfigurableApplicationContext context = Spring.start(properties)) {
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(context.getBeanNamesForType(HealthEndpoint.class)).isEmpty();
            assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        }
    }

}
