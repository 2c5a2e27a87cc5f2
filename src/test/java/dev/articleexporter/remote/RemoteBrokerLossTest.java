package dev.articleexporter.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.ExportService;
import dev.articleexporter.job.ExportSettings;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.remote.RemoteProperties.Role;
import dev.articleexporter.testing.Corpus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

/**
 * A broker that goes away mid-run (tcp://, a broker of its own): the manager fails the
 * run saying so, and leaves no partition running in the repository.
 */
class RemoteBrokerLossTest {

    @TempDir
    Path work;

    @Test
    void aBrokerThatGoesAwayFailsTheRunClearly() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 3, 20);
        ExportSettings settings = new ExportSettings(work.resolve("input"), work.resolve("output"), List.of("epub"),
                RelatedMode.KEEP);
        try (RemoteContexts remote = new RemoteContexts()) {
            EmbeddedBroker broker = EmbeddedBroker
                .startIfEmbedded(new RemoteProperties(Role.MANAGER, "embedded://127.0.0.1:" + remote.port, null, null,
                        0, 0, null, 0, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMinutes(1)));
            ConfigurableApplicationContext manager = remote.manager("tcp://127.0.0.1:" + remote.port, 2);
            JobRepository repository = manager.getBean(JobRepository.class);
            remote.worker("w1", 1);
            CompletableFuture<List<ExportReport>> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return manager.getBean(ExportService.class).export(settings, false);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // a chunk committed: the requests were all sent long before
            awaitFirstChunk(repository);
            broker.close();

            assertThat(run.get(2, TimeUnit.MINUTES)).singleElement().satisfies(report -> {
                assertThat(report.status()).isEqualTo(BatchStatus.FAILED);
                assertThat(report.failures()).singleElement()
                    .asString()
                    .contains("the broker at tcp://127.0.0.1:" + remote.port + " stopped answering");
            });
            JobExecution failed = repository.getJobExecution(1L);
            assertThat(failed.getStepExecutions()).noneMatch(step -> step.getStatus().isRunning());
        }
    }

    private static void awaitFirstChunk(JobRepository repository) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            try {
                JobExecution run = repository.getJobExecution(1L);
                if (run != null && run.getStepExecutions()
                    .stream()
                    .filter(PartitionWatch::isPartition)
                    .anyMatch(step -> step.getCommitCount() > 0)) {
                    return;
                }
            }
            catch (DataAccessException e) {
                // not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no chunk committed within two minutes");
    }

}
