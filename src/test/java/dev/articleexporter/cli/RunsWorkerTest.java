package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.history.RunHistory;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code runs --run ID} names the worker of each partition of a remote run (the
 * {@code worker.id} a worker puts into its partition's step execution context); a run of
 * local threads is shown as before.
 */
class RunsWorkerTest {

    @TempDir
    Path work;

    @Test
    void aRemoteRunListsItsPartitionsWithTheirWorkers() throws Exception {
        Corpus.copiesOfTheSample(work.resolve("input"), 2, 2);
        String db = work.resolve("data/exporter").toString();
        CliRun export = CliRun.of("export", "--input", work.resolve("input").toString(), "--output",
                work.resolve("output").toString(), "--db", db, "--threads", "2", "--formats", "epub");
        assertThat(export.code()).as(export.out() + export.err()).isZero();

        CliRun local = CliRun.of("runs", "--db", db, "--run", "1");
        assertThat(local.code()).isZero();
        assertThat(local.out()).doesNotContain("Partitions", "WORKER");

        // What the workers of a remote run leave in the repository.
        try (ConfigurableApplicationContext context = Spring.start(new Database(db).springProperties())) {
            JobRepository jobs = context.getBean(JobRepository.class);
            for (StepExecution step : jobs.getJobExecution(1L).getStepExecutions()) {
                if (step.getStepName().endsWith("partition0")) {
                    step.getExecutionContext().putString(RunHistory.WORKER_ID, "render-1:4242");
                    jobs.updateExecutionContext(step);
                }
                else if (step.getStepName().endsWith("partition1")) {
                    step.getExecutionContext().putString(RunHistory.WORKER_ID, "render-2:77");
                    jobs.updateExecutionContext(step);
                }
            }
        }
        CliRun remote = CliRun.of("runs", "--db", db, "--run", "1");
        assertThat(remote.code()).isZero();
        assertThat(remote.out()).contains("Partitions (remote run):", "WORKER")
            .containsPattern("partition0 +COMPLETED +\\d+ +\\d+ +0 +render-1:4242")
            .containsPattern("partition1 +COMPLETED +\\d+ +\\d+ +0 +render-2:77");
        // the list of runs is as before
        assertThat(CliRun.of("runs", "--db", db).out()).isEqualTo(CliRun.of("runs", "--db", db).out())
            .doesNotContain("render-1");
    }

}
