package dev.articleexporter.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A worker's management port: {@code /actuator/prometheus} (the process's meters, Spring
 * Batch's among them, in Prometheus' text format) and {@code /actuator/health}
 * ({@code UP} or {@code DOWN}, as Boot's health endpoint says). A worker has no web
 * application, and a servlet container with the whole serve configuration only for these
 * two answers would cost start-up time and memory on every worker: the JDK's own HTTP
 * server answers them. Read-only and without secrets, so no login; it listens on the
 * address it is given (the command's default is loopback).
 */
public final class MetricsServer implements AutoCloseable {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param up whether the process is healthy, asked at every request
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry, Supplier<Boolean> up)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/actuator/prometheus", exchange -> {
            if (allowed(exchange)) {
                send(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
            }
        });
        server.createContext("/actuator/health", exchange -> {
            if (allowed(exchange)) {
                boolean healthy = up.get();
                send(exchange, healthy ? 200 : 503, "application/json",
                        "{\"status\":\"" + (healthy ? "UP" : "DOWN") + "\"}");
            }
        });
        server.start();
        return new MetricsServer(server);
    }

    /** The port it listens on (the one picked, when asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())) {
            return true;
        }
        send(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
