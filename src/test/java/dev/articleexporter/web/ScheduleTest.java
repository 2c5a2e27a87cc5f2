package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.articleexporter.job.ExportListener;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The schedule on a seconds-level cron: it makes runs by itself; while one is slow (held
 * at its start by a gate), the times that come are skipped and the button is refused,
 * never a second run.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=true",
        "exporter.serve.cron=*/1 * * * * *", "exporter.serve.zone=UTC" })
@AutoConfigureMockMvc
@Import(ScheduleTest.Gate.class)
@DirtiesContext
class ScheduleTest {

    /**
     * Holds the first run at the start of its step until the test opens it; later runs
     * pass.
     */
    @ExportListener
    static class Gate {

        final CountDownLatch open = new CountDownLatch(1);

        final AtomicInteger entered = new AtomicInteger();

        @BeforeStep
        public void hold(StepExecution step) throws InterruptedException {
            entered.incrementAndGet();
            assertThat(open.await(2, TimeUnit.MINUTES)).isTrue();
        }

    }

    @TempDir
    static Path work;

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportRuns runs;

    @Autowired
    RunHistory history;

    @Autowired
    Gate gate;

    @BeforeAll
    static void exported() throws Exception {
        ServedFolder.exportSamples(work, 0);
    }

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    @Test
    void makesRunsOnScheduleAndNeverTwoAtOnce() throws Exception {
        Path output = ServedFolder.output(work);
        await(() -> gate.entered.get() == 1, "the schedule started a run");
        long refusedBefore = runs.refused();
        await(() -> runs.refused() >= refusedBefore + 2, "two scheduled times passed during the held run");

        mvc.perform(post("/runs").with(csrf()).accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.start").value("BUSY"))
            .andExpect(jsonPath("$.status.state").value("running"));
        List<RunSummary> held = history.recent(output, 100);
        assertThat(held.stream().filter(r -> r.status().equals("STARTED"))).hasSize(1);
        assertThat(gate.entered.get()).isEqualTo(1);

        gate.open.countDown();
        await(() -> history.recent(output, 100).stream().filter(r -> r.status().equals("COMPLETED")).count() >= 4,
                "the schedule went on making runs");
        // The schedule is still going: only finished runs are compared.
        List<RunSummary> all = history.recent(output, 100)
            .stream()
            .filter(r -> r.end() != null)
            .sorted(Comparator.comparingLong(RunSummary::executionId))
            .toList();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).start())
                .as("run %d starts after run %d ended", all.get(i).executionId(), all.get(i - 1).executionId())
                .isAfterOrEqualTo(all.get(i - 1).end());
        }
        assertThat(all).allMatch(r -> r.status().equals("COMPLETED"));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

}
