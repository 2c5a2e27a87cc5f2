package dev.articleexporter.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.job.ExportReport;
import dev.articleexporter.job.ExportService;
import dev.articleexporter.job.ExportSettings;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;

/**
 * A worker whose context closes mid-partition (SIGTERM runs the same close): its
 * partition stops after the current chunk, the run says so, and the next run goes on from
 * that chunk on another worker.
 */
class RemoteWorkerStopTest {

    private static final int ARTICLES = 120;

    @TempDir
    Path work;

    @Test
    void aStoppingWorkerFinishesItsChunkAndTheNextRunGoesOnFromThere() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 4, ARTICLES / 4);
        ExportSettings settings = new ExportSettings(work.resolve("input"), work.resolve("output"), List.of("epub"),
                RelatedMode.KEEP);
        try (RemoteContexts remote = new RemoteContexts()) {
            ConfigurableApplicationContext manager = remote.manager(1);
            ExportService exports = manager.getBean(ExportService.class);
            JobRepository repository = manager.getBean(JobRepository.class);
            ConfigurableApplicationContext worker = remote.worker("w1", 1);

            CompletableFuture<List<ExportReport>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return exports.export(settings, false);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            StepExecution partition = awaitFirstChunk(repository);
            worker.close();

            List<ExportReport> stopped = first.get(2, TimeUnit.MINUTES);
            assertThat(stopped).singleElement().satisfies(report -> {
                assertThat(report.status()).isIn(BatchStatus.FAILED, BatchStatus.STOPPED);
                assertThat(report.read()).isBetween(20L, ARTICLES - 1L);
            });
            StepExecution ended = repository.getStepExecution(partition.getId());
            assertThat(ended.getStatus()).isEqualTo(BatchStatus.STOPPED);
            long done = ended.getWriteCount();
            if (stopped.getFirst().status() == BatchStatus.FAILED) {
                assertThat(stopped.getFirst().failures()).singleElement()
                    .isEqualTo("partition0 was stopped when worker w1 shut down; "
                            + "the next run goes on from its last committed chunk");
            }

            remote.worker("w2", 1);
            List<ExportReport> next = exports.export(settings, false);

            assertThat(next.getFirst().status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(next.getFirst().read()).isEqualTo(ARTICLES - done);
            try (Stream<Path> files = Files.list(work.resolve("output"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".epub"))).hasSize(ARTICLES);
            }
        }
    }

    /** The partition once a chunk of it is committed. */
    private static StepExecution awaitFirstChunk(JobRepository repository) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JobExecution run = null;
            try {
                run = repository.getJobExecution(1L);
            }
            catch (DataAccessException e) {
                // not there yet
            }
            if (run != null) {
                for (StepExecution step : run.getStepExecutions()) {
                    if (PartitionWatch.isPartition(step) && step.getCommitCount() > 0) {
                        return step;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no chunk committed within two minutes");
    }

}
