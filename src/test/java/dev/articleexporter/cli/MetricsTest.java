package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.web.ExportRuns;
import dev.articleexporter.web.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Metrics for operators: {@code serve} answers {@code /actuator/prometheus} with Spring
 * Batch's meters after a run, behind its login when it has one; a worker's management
 * port ({@link MetricsServer}) answers the same two paths.
 */
class MetricsTest {

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ConfigurableApplicationContext server(boolean login) throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input").resolve(sample()), input.resolve("sample.json"));
        Map<String, Object> properties = new LinkedHashMap<>(
                new Database(work.resolve("data/exporter").toString()).springProperties());
        properties.put("exporter.pdf.font-dirs", "");
        properties.put("exporter.serve.input", input);
        properties.put("exporter.serve.output", work.resolve("output"));
        properties.put("exporter.serve.schedule", false);
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", 0);
        if (login) {
            properties.put("exporter.serve.user", "editor");
            properties.put("exporter.serve.password", "secret");
        }
        Files.createDirectories(work.resolve("output"));
        return Spring.startServer(properties);
    }

    private static String sample() throws Exception {
        try (var files = Files.list(Path.of("input"))) {
            return files.map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".json"))
                .sorted()
                .findFirst()
                .orElseThrow();
        }
    }

    private static void runOnce(ConfigurableApplicationContext context) throws InterruptedException {
        ExportRuns runs = context.getBean(ExportRuns.class);
        assertThat(runs.request(ExportRuns.Trigger.BUTTON)).isEqualTo(ExportRuns.Start.STARTED);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (runs.last() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runs.last()).as("the run ended").isNotNull();
        assertThat(runs.last().reports()).isNotEmpty();
    }

    @Test
    void serveExposesSpringBatchMetricsInPrometheusFormatAfterARun() throws Exception {
        try (ConfigurableApplicationContext context = server(false)) {
            runOnce(context);
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> metrics = get(base + "/actuator/prometheus", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("spring_batch_job_seconds_count{", "spring_batch_job_name=\"export\"",
                    "spring_batch_step_seconds_count{",
                    "spring_batch_step_name=\"export-articles-partition:partition0\"",
                    "spring_batch_item_process_seconds_count{", "spring_batch_chunk_write_seconds_count{");
            HttpResponse<String> health = get(base + "/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            // only these two: no environment, beans or heap dumps over HTTP
            assertThat(get(base + "/actuator/env", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serveKeepsMetricsBehindItsLogin() throws Exception {
        try (ConfigurableApplicationContext context = server(true)) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            assertThat(get(base + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/actuator/health", null).statusCode()).isEqualTo(401);
            String login = "Basic "
                    + Base64.getEncoder().encodeToString("editor:secret".getBytes(StandardCharsets.UTF_8));
            assertThat(get(base + "/actuator/prometheus", login).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWorkersManagementPortAnswersPrometheusAndHealth() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("spring.batch.item.process", "spring.batch.item.process.status", "SUCCESS").increment(3);
        boolean[] up = { true };
        try (MetricsServer server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry, () -> up[0])) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> metrics = get(base + "/actuator/prometheus", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                .contains("spring_batch_item_process_total{spring_batch_item_process_status=\"SUCCESS\"} 3.0");
            assertThat(get(base + "/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            up[0] = false;
            assertThat(get(base + "/actuator/health", null).statusCode()).isEqualTo(503);
            assertThat(http
                .send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
        }
    }

}
