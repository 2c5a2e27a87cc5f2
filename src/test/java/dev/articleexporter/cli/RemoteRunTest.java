package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articleexporter.testing.BrokerProcess;
import dev.articleexporter.testing.ChildJvm;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote runs with real processes on loopback: a manager ({@code export --broker}) and
 * worker JVMs ({@code worker}), PostgreSQL as the shared history (a fresh schema per
 * test, from {@code ARTICLE_EXPORTER_TEST_POSTGRES_URL}; under {@code CI=true} a missing
 * server fails). Short heartbeats, so that a dead worker or broker is seen in seconds.
 */
class RemoteRunTest {

    static final String URL_VARIABLE = "ARTICLE_EXPORTER_TEST_POSTGRES_URL";

    /** How long a run may take here, on a loaded 2-core machine; liveness only. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    static final List<String> FAST_FAILURE = List.of("-Xmx256m", "--enable-native-access=ALL-UNNAMED",
            "-Dexporter.remote.heartbeat=500ms", "-Dexporter.remote.dead-after=3s", "-Dexporter.remote.timeout=3m");

    @TempDir
    Path work;

    private String adminUrl;

    private String schema;

    private String db;

    private int port;

    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void freshSchemaAndPort() throws Exception {
        adminUrl = System.getenv(URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            String how = URL_VARIABLE + " (a JDBC URL of a PostgreSQL server) is not set; .ci/run sets it"
                    + " (.ci/postgres.sh)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: the remote-run tests must run. " + how);
            }
            assumeTrue(false, "remote-run tests skipped: " + how);
        }
        schema = "article_exporter_remote_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        db = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stopChildrenAndDropSchema() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private Process worker(String id, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--broker", "tcp://127.0.0.1:" + port, "--db", db,
                "--worker-id", id, "--consumers", "1"));
        args.addAll(List.of(options));
        Process child = ChildJvm.start(FAST_FAILURE, work.resolve(id + ".log"), args.toArray(String[]::new));
        children.add(child);
        return child;
    }

    private Process manager(String log, String broker, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("export", "--input", work.resolve("input").toString(), "--output",
                work.resolve("output").toString(), "--db", db, "--broker", broker));
        args.addAll(List.of(options));
        Process child = ChildJvm.start(FAST_FAILURE, work.resolve(log), args.toArray(String[]::new));
        children.add(child);
        return child;
    }

    private int awaitExit(Process child, String log) throws Exception {
        if (!child.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("no end within " + RUN_LIMIT + ": " + Files.readString(work.resolve(log)));
        }
        return child.exitValue();
    }

    private void awaitFiles(Path folder, String suffix, int count, Process manager, String log) throws Exception {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (files(folder, suffix).size() >= count) {
                return;
            }
            if (!manager.isAlive()) {
                fail("the manager ended while waiting for " + count + " " + suffix + " files: "
                        + Files.readString(work.resolve(log)));
            }
            Thread.sleep(100);
        }
        fail("fewer than " + count + " " + suffix + " files in " + folder);
    }

    private static Set<String> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(suffix))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** "12 read, 10 exported, 2 rejected, 0 warnings." of the last run line. */
    private static String counts(String printed) {
        String run = printed.lines().filter(l -> l.startsWith("Run ")).reduce((a, b) -> b).orElse("");
        return run.substring(run.indexOf(": ") + 2);
    }

    /** Each PDF's and EPUB's modification time. */
    private static Map<String, FileTime> modified(Path folder) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".pdf") || p.toString().endsWith(".epub"))
                .toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    /**
     * The articles exported by every run the command printed (a resumed run and a new
     * one).
     */
    private static int exported(String printed) {
        Matcher m = Pattern.compile("^Run \\d+ \\w+ in .*?, (\\d+) exported", Pattern.MULTILINE).matcher(printed);
        int sum = 0;
        while (m.find()) {
            sum += Integer.parseInt(m.group(1));
        }
        return sum;
    }

    /** The indented lines under the heading that starts with {@code heading}. */
    private static List<String> section(String printed, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : printed.lines().toList()) {
            if (line.startsWith(heading)) {
                in = true;
            }
            else if (in && line.startsWith(" ")) {
                lines.add(line.strip());
            }
            else {
                in = false;
            }
        }
        return lines;
    }

    /** The manager's error lines, in the test's output: what an operator reads. */
    private static void printErrors(String what, String printed) {
        printed.lines().filter(l -> l.startsWith("error:")).forEach(l -> System.out.println(what + ": " + l));
    }

    private static void assertWhole(Path folder, int articles) throws IOException {
        assertThat(files(folder, ".pdf")).hasSize(articles);
        assertThat(files(folder, ".epub")).hasSize(articles);
        assertThat(files(folder, ".part")).isEmpty();
        for (String pdf : files(folder, ".pdf")) {
            try (PDDocument document = Loader.loadPDF(folder.resolve(pdf).toFile())) {
                assertThat(document.getNumberOfPages()).as(pdf).isPositive();
            }
        }
        for (String epub : files(folder, ".epub")) {
            try (ZipFile zip = new ZipFile(folder.resolve(epub).toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    try (InputStream in = zip.getInputStream(entries.nextElement())) {
                        in.transferTo(java.io.OutputStream.nullOutputStream()); // CRC
                                                                                // checked
                    }
                }
            }
        }
    }

    @Test
    void twoWorkersStartedBeforeTheBrokerExportEveryArticleOnceAsALocalRunDoes() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 4, 15); // 60 articles

        Files.writeString(work.resolve("input/broken.json"), "{ \"title\": \"Half an article\", ");
        Files.writeString(work.resolve("input/untitled.json"), "[{\"id\": \"no-title\", \"section\": \"News\"}]");
        CliRun local = CliRun.of("export", "--input", work.resolve("input").toString(), "--output",
                work.resolve("local").toString(), "--db", work.resolve("local-db/exporter").toString(), "--threads",
                "2");

        // the workers come first: the broker is the manager's, not there yet
        worker("w1", "--management-port", "0");
        worker("w2");
        Thread.sleep(3000);
        Process manager = manager("manager.log", "embedded://127.0.0.1:" + port, "--workers", "2", "--partitions", "4");
        int code = awaitExit(manager, "manager.log");
        String printed = Files.readString(work.resolve("manager.log"));

        assertThat(code).as(printed).isEqualTo(local.code());
        assertThat(counts(printed)).as(printed).isEqualTo(counts(local.out()));
        assertThat(section(printed, "Rejected")).isEqualTo(section(local.out(), "Rejected")).isNotEmpty();
        for (String suffix : List.of(".pdf", ".epub")) {
            assertThat(files(work.resolve("output"), suffix)).isEqualTo(files(work.resolve("local"), suffix));
        }
        int articles = files(work.resolve("local"), ".pdf").size();
        assertWhole(work.resolve("output"), articles);

        CliRun runs = CliRun.of("runs", "--db", db, "--run", "1");
        assertThat(runs.out()).as(runs.out()).contains("Partitions (remote run):", "w1", "w2");

        // the worker's management port: Spring Batch's meters of the partitions it ran
        Matcher metrics = Pattern.compile("Metrics \\(Prometheus\\): (http://\\S+)")
            .matcher(Files.readString(work.resolve("w1.log")));
        assertThat(metrics.find()).as(Files.readString(work.resolve("w1.log"))).isTrue();
        HttpResponse<String> scrape = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(metrics.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("spring_batch_step_seconds_count{",
                "spring_batch_step_name=\"export-articles-partition:partition",
                "spring_batch_item_process_seconds_count{");
    }

    @Test
    void aKilledWorkerFailsTheRunNamingItsPartitionAndTheNextRunCompletesIt() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 4, 20); // 80 articles
        Process w1 = worker("w1");
        worker("w2");
        Process manager = manager("manager.log", "embedded://127.0.0.1:" + port, "--workers", "2", "--partitions", "4");
        awaitFiles(work.resolve("output"), ".pdf", 10, manager, "manager.log");
        w1.destroyForcibly(); // SIGKILL: no chunk finished, no goodbye
        long killed = System.nanoTime();
        w1.waitFor();
        Map<String, FileTime> atTheKill = modified(work.resolve("output"));
        int code = awaitExit(manager, "manager.log");
        String printed = Files.readString(work.resolve("manager.log"));
        assertThat(code).as(printed).isEqualTo(Cli.FAILED);
        Duration failedAfter = Duration.ofNanos(System.nanoTime() - killed);
        printErrors("killed worker, failed after " + failedAfter.toMillis() + " ms", printed);
        assertThat(failedAfter).as("failed within the timeout").isLessThan(Duration.ofMinutes(2));
        assertThat(printed).containsPattern("error: .*partition\\d was running on worker w1, which stopped answering");

        worker("w3");
        Process again = manager("again.log", "embedded://127.0.0.1:" + port, "--workers", "2");
        int secondCode = awaitExit(again, "again.log");
        String second = Files.readString(work.resolve("again.log"));
        assertThat(secondCode).as(second).isEqualTo(Cli.OK);
        assertWhole(work.resolve("output"), 80);
        // Work lost with the killed worker is at most the chunk it had not committed: the
        // two runs together render each article once, plus at most one chunk again.
        assertThat(exported(printed) + exported(second)).as(printed + second).isBetween(80, 80 + 20);
        Map<String, FileTime> after = modified(work.resolve("output"));
        long renderedAgain = atTheKill.entrySet()
            .stream()
            .filter(e -> !e.getValue().equals(after.get(e.getKey())))
            .count();
        assertThat(renderedAgain).as("files written before the kill and again after it").isLessThanOrEqualTo(20 * 2);
    }

    @Test
    void aBrokerThatGoesAwayFailsTheRunClearly() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 4, 20);
        Process broker = BrokerProcess.start(port, work.resolve("broker.log"));
        children.add(broker);
        worker("w1");
        Process manager = manager("manager.log", "tcp://127.0.0.1:" + port, "--workers", "1", "--partitions", "2");
        awaitFiles(work.resolve("output"), ".pdf", 5, manager, "manager.log");
        broker.destroyForcibly();
        int code = awaitExit(manager, "manager.log");
        String printed = Files.readString(work.resolve("manager.log"));
        assertThat(code).as(printed).isEqualTo(Cli.FAILED);
        printErrors("broker gone", printed);
        assertThat(printed).containsPattern("error: .*the broker at tcp://127.0.0.1:\\d+ stopped answering")
            .doesNotContain("\tat ")
            .doesNotContain("Exception")
            .doesNotContain("ActiveMQ");
    }

}
