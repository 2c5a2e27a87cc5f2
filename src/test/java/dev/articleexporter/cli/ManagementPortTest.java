package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.ChildJvm;
import dev.articleexporter.testing.CliRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --management-port}: liveness, readiness and Prometheus metrics on that
 * port only, without the server's login; readiness DOWN while the history database is
 * unreachable. The database is an H2 server in this JVM that the test stops: the server
 * process keeps running and cannot reach it.
 */
class ManagementPortTest {

    @TempDir
    Path work;

    private static final String LOGIN = "Basic "
            + Base64.getEncoder().encodeToString("editor:secret".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthProbesAndMetricsAnswerOnTheManagementPortOnly() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/briefs.json"), input.resolve("briefs.json"));
        Server database = Server
            .createTcpServer("-tcpPort", "0", "-baseDir", work.resolve("db").toString(), "-ifNotExists")
            .start();
        Path log = work.resolve("serve.log");
        // a short wait for a connection, so that readiness answers soon once the database
        // is gone
        Process serve = ChildJvm.start(List.of("-Xmx256m", "-Dspring.datasource.hikari.connection-timeout=2000"), log,
                "serve", "--input", input.toString(), "--output", work.resolve("output").toString(), "--db",
                "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/exporter", "--port", "0", "--no-schedule", "--user",
                "editor", "--password", "secret", "--management-port", "0");
        try {
            String main = awaitLine(serve, log, Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)"));
            String management = awaitLine(serve, log,
                    Pattern.compile("Metrics \\(Prometheus\\): (http://127\\.0\\.0\\.1:\\d+/)"));
            assertThat(management).isNotEqualTo(main);

            assertThat(get(management + "actuator/health").statusCode()).isEqualTo(200);
            HttpResponse<String> liveness = get(management + "actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> readiness = get(management + "actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> metrics = get(management + "actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge", "hikaricp_connections");
            // no environment or beans there either (paths that are no endpoint fall to
            // the
            // server's login)
            assertThat(get(management + "actuator/env").statusCode()).isIn(401, 404);

            // the main port: its login, the page, and no endpoints
            assertThat(get(main, null).statusCode()).isEqualTo(401);
            assertThat(get(main, LOGIN).statusCode()).isEqualTo(200);
            for (String path : List.of("actuator/health", "actuator/health/readiness", "actuator/prometheus")) {
                assertThat(get(main + path, null).statusCode()).as(path).isEqualTo(401);
                assertThat(get(main + path, LOGIN).statusCode()).as(path).isEqualTo(404);
            }

            database.stop();
            HttpResponse<String> down = get(management + "actuator/health/readiness");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"");
            // alive, only not ready: a restart would not bring the database back
            assertThat(get(management + "actuator/health/liveness").statusCode()).isEqualTo(200);
        }
        finally {
            serve.destroy();
            serve.waitFor(1, TimeUnit.MINUTES);
            serve.destroyForcibly();
            database.stop();
        }
    }

    @Test
    void aManagementPortBeyondThisMachineNeedsTheServersLogin() throws Exception {
        Files.createDirectories(work.resolve("input"));
        CliRun run = CliRun.of("serve", "--input", work.resolve("input").toString(), "--db",
                work.resolve("data/exporter").toString(), "--management-port", "0", "--management-bind", "0.0.0.0");
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("error: a management port on 0.0.0.0 needs a user and password");
        run = CliRun.of("serve", "--input", work.resolve("input").toString(), "--db",
                work.resolve("data/exporter").toString(), "--port", "8123", "--management-port", "8123");
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("error: --management-port must differ from --port");
        assertThat(work.resolve("data")).doesNotExist();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return get(url, null);
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitLine(Process child, Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not say where it listens; its output: " + Files.readString(log));
    }

}
