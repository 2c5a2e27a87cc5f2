package dev.articleexporter.remote;

import dev.articleexporter.ArticleExporter;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A manager with an embedded broker on a free loopback port and workers, each its own
 * application context in this JVM, over one shared in-memory H2 repository; closed in
 * reverse order.
 */
final class RemoteContexts implements AutoCloseable {

    final int port;

    final String database;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /** Over a fresh in-memory H2 database. */
    RemoteContexts() throws IOException {
        this("jdbc:h2:mem:remote-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    RemoteContexts(String database) throws IOException {
        this.database = database;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    ConfigurableApplicationContext manager(int partitions, String... more) {
        return manager("embedded://127.0.0.1:" + port, partitions, more);
    }

    ConfigurableApplicationContext manager(String broker, int partitions, String... more) {
        List<String> args = new ArrayList<>(List.of("--exporter.remote.role=manager",
                "--exporter.remote.broker=" + broker, "--exporter.remote.partitions=" + partitions));
        args.addAll(List.of(more));
        return start(args);
    }

    ConfigurableApplicationContext worker(String id, int consumers, String... more) {
        List<String> args = new ArrayList<>(
                List.of("--exporter.remote.role=worker", "--exporter.remote.broker=tcp://127.0.0.1:" + port,
                        "--exporter.remote.worker-id=" + id, "--exporter.remote.consumers=" + consumers));
        args.addAll(List.of(more));
        return start(args);
    }

    /** A context without remote role: today's local threads, on its own database. */
    ConfigurableApplicationContext local() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ArticleExporter.class)
            .web(WebApplicationType.NONE)
            .run("--spring.datasource.url=jdbc:h2:mem:local-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "--exporter.threads=2");
        contexts.add(context);
        return context;
    }

    private ConfigurableApplicationContext start(List<String> args) {
        args.add("--spring.datasource.url=" + database);
        args.add("--exporter.remote.heartbeat=200ms");
        args.add("--exporter.remote.dead-after=1500ms");
        args.add("--exporter.remote.timeout=3m");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ArticleExporter.class)
            .web(WebApplicationType.NONE)
            .run(args.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }

}
