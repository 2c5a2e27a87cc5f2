package dev.articleexporter.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.ExportService;
import dev.articleexporter.job.ExportSettings;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.testing.Corpus;
import jakarta.jms.Connection;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Remote partitioning in one JVM, in the spirit of Spring Batch's
 * RemotePartitioningJobFunctionalTests: a manager with an embedded Artemis broker and
 * workers as application contexts over one shared repository. (Worker processes killed
 * with SIGKILL are the command line's tests.)
 */
class RemotePartitioningTest {

    private static final int ARTICLES = 40;

    @TempDir
    Path work;

    /** The shared repository: in-memory H2 here, PostgreSQL in the subclass. */
    RemoteContexts contexts() throws IOException {
        return new RemoteContexts();
    }

    private ExportSettings settings(String output) throws IOException {
        Path input = work.resolve("input");
        if (!Files.isDirectory(input)) {
            Corpus.copiesOfTheSample(input, 4, ARTICLES / 4);
        }
        return new ExportSettings(input, work.resolve(output), List.of("epub"), RelatedMode.KEEP);
    }

    @Test
    void twoWorkersExportEveryArticleOnceUnderTheNamesOfALocalRun() throws Exception {
        try (RemoteContexts remote = contexts()) {
            ConfigurableApplicationContext manager = remote.manager(5);
            remote.worker("w1", 2);
            remote.worker("w2", 1);

            List<ExportReport> reports = manager.getBean(ExportService.class).export(settings("remote"), false);

            assertThat(reports).singleElement().satisfies(report -> {
                assertThat(report.status()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(report.read()).isEqualTo(ARTICLES);
                assertThat(report.exported()).isEqualTo(ARTICLES);
            });
            JobExecution run = manager.getBean(JobRepository.class).getJobExecution(reports.getFirst().executionId());
            List<StepExecution> partitions = run.getStepExecutions()
                .stream()
                .filter(PartitionWatch::isPartition)
                .toList();
            assertThat(partitions).hasSize(5).allSatisfy(p -> {
                assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                assertThat(p.getExecutionContext().getString(Remote.WORKER_ID_KEY)).isIn("w1", "w2");
            });
            assertThat(partitions.stream().mapToLong(StepExecution::getWriteCount).sum()).isEqualTo(ARTICLES);

            ExportReport local = remote.local()
                .getBean(ExportService.class)
                .export(settings("local"), false)
                .getFirst();
            assertThat(local.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(files(work.resolve("remote"))).hasSize(ARTICLES * 3).isEqualTo(files(work.resolve("local")));
        }
    }

    /**
     * A worker started with another page size than the manager's would write files unlike
     * the rest of the run: it refuses the partitions, and the run fails saying why.
     */
    @Test
    void aWorkerWithOtherRenderSettingsRefusesThePartitions() throws Exception {
        try (RemoteContexts remote = contexts()) {
            ConfigurableApplicationContext manager = remote.manager(2);
            remote.worker("letter", 1, "--exporter.pdf.page-size=letter");

            ExportReport report = manager.getBean(ExportService.class).export(settings("remote"), false).getFirst();

            assertThat(report.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(report.exported()).isZero();
            assertThat(report.failures())
                .anySatisfy(failure -> assertThat(failure).contains("other settings than the run was started with",
                        "run page=A4, here page=LETTER", "--page-size"));
            assertThat(files(work.resolve("remote")))
                .noneMatch(name -> name.endsWith(".pdf") || name.endsWith(".epub"));
        }
    }

    /**
     * A "worker" made of a JDBC row and a JMS session takes one request, starts its
     * partition and dies without a word (no heartbeat, no acknowledgement). The manager
     * fails that partition naming it and the worker, well before the timeout; the request
     * the broker then delivers again is dropped by the real worker; the next run runs
     * that partition only.
     */
    @Test
    void aDeadWorkersPartitionFailsTheRunAndTheNextRunFinishesIt() throws Exception {
        try (RemoteContexts remote = contexts()) {
            ConfigurableApplicationContext manager = remote.manager(3);
            ExportService exports = manager.getBean(ExportService.class);
            JobRepository repository = manager.getBean(JobRepository.class);
            WorkerRegistry registry = new WorkerRegistry(manager.getBean(DataSource.class));
            ExportSettings settings = settings("output");

            long started = System.nanoTime();
            CompletableFuture<List<ExportReport>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return exports.export(settings, false);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + remote.port);
            broker.setConsumerWindowSize(0);
            long taken;
            try (Connection ghost = broker.createConnection()) {
                ghost.start();
                Session session = ghost.createSession(true, Session.SESSION_TRANSACTED);
                var message = (ObjectMessage) session.createConsumer(session.createQueue(Remote.REQUESTS))
                    .receive(60_000);
                assertThat(message).as("a partition request").isNotNull();
                taken = ((StepExecutionRequest) message.getObject()).getStepExecutionId();
                registry.register("ghost:1", "ghost", 1);
                registry.claim(taken, "ghost:1");
                StepExecution partition = repository.getStepExecution(taken);
                partition.setStatus(BatchStatus.STARTED);
                partition.setStartTime(LocalDateTime.now());
                repository.update(partition);

                remote.worker("w1", 2);
                List<ExportReport> failed = first.get(2, TimeUnit.MINUTES);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(2));
                assertThat(failed).singleElement().satisfies(report -> {
                    assertThat(report.status()).isEqualTo(BatchStatus.FAILED);
                    assertThat(report.failures()).singleElement()
                        .asString()
                        .matches("partition\\d was running on worker ghost:1, which stopped answering at .*");
                });
                // the ghost's session ends without commit: the broker delivers the
                // request again
            }
            StepExecution lost = repository.getStepExecution(taken);
            assertThat(lost.getStatus()).isEqualTo(BatchStatus.FAILED);

            List<ExportReport> next = exports.export(settings, false);

            assertThat(next).hasSize(2);
            assertThat(next.getFirst().status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(next.getFirst().resumed()).isEqualTo(lost.getJobExecutionId());
            JobExecution resumed = repository.getJobExecution(next.getFirst().executionId());
            assertThat(resumed.getStepExecutions().stream().filter(PartitionWatch::isPartition)).singleElement()
                .satisfies(p -> assertThat(p.getStepName()).isEqualTo(lost.getStepName()));
            assertThat(next.get(1).status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(next.get(1).exported()).isZero();
            assertThat(files(work.resolve("output")).stream().filter(f -> f.endsWith(".epub"))).hasSize(ARTICLES);
            // dropped, not run: still FAILED as the manager left it
            StepExecution after = repository.getStepExecution(taken);
            assertThat(after.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(after.getExitStatus().getExitDescription()).contains("ghost:1");
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(".")).sorted().toList();
        }
    }

}
