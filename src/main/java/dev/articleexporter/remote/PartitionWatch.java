package dev.articleexporter.remote;

import dev.articleexporter.job.ExportJobConfig;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of liveness, around Spring Batch's polling of the repository: before
 * the partitions are sent it connects to the broker and waits for
 * {@code exporter.remote.workers}; while they run it fails (in the repository) each
 * partition whose worker stopped beating or whose broker went away, which ends Spring's
 * polling early, so the run fails within dead-after plus one poll, not at the timeout;
 * when the step ends, for whatever reason (the timeout too), it fails what still runs, so
 * the repository keeps no zombie and the next run resumes exactly the unfinished
 * partitions. Partitions waiting in the queue are not failed while the broker is there: a
 * worker that joins later takes them.
 */
final class PartitionWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatch.class);

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final JobRepository repository;

    private final WorkerRegistry workers;

    private final ConnectionFactory broker;

    private final RemoteProperties properties;

    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();

    PartitionWatch(JobRepository repository, WorkerRegistry workers, ConnectionFactory broker,
            RemoteProperties properties) {
        this.repository = repository;
        this.workers = workers;
        this.broker = broker;
        this.properties = properties;
    }

    @Override
    public void beforeStep(StepExecution manager) {
        Watch watch = new Watch(manager.getJobExecutionId());
        watches.put(manager.getId(), watch);
        try {
            watch.connection = broker.createConnection();
            watch.connection.setExceptionListener(e -> watch.brokerLost(e));
            watch.connection.start();
        }
        catch (JMSException e) {
            throw new RemotePartitionException(
                    "cannot reach the broker at " + properties.brokerUrl().tcp() + ": " + e.getMessage(), e);
        }
        awaitWorkers(watch);
        watch.ticks.scheduleWithFixedDelay(() -> check(watch), 0, properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        Watch watch = watches.remove(manager.getId());
        if (watch == null) {
            return null;
        }
        watch.close();
        failRemaining(watch, reasonTheStepEnded(manager, watch));
        explain(manager);
        return null;
    }

    private void awaitWorkers(Watch watch) {
        int wanted = properties.workers();
        if (wanted == 0) {
            return;
        }
        Instant deadline = Instant.now().plus(properties.timeout());
        Instant nextLine = Instant.EPOCH;
        int last = -1;
        while (true) {
            int alive = workers.alive(properties.deadAfter());
            if (alive >= wanted) {
                log.info("{} of {} workers alive; sending the partitions", alive, wanted);
                return;
            }
            if (watch.lost != null) {
                throw new RemotePartitionException(watch.lost);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RemotePartitionException("only " + alive + " of " + wanted + " workers joined within "
                        + properties.timeout() + " (exporter.remote.timeout)");
            }
            if (alive != last || Instant.now().isAfter(nextLine)) {
                log.info("Waiting for {} workers to join ({} alive)", wanted, alive);
                last = alive;
                nextLine = Instant.now().plus(PROGRESS_EVERY);
            }
            sleep(properties.pollInterval());
        }
    }

    /** One look: fails the partitions of dead workers, or all when the broker is gone. */
    private void check(Watch watch) {
        try {
            List<StepExecution> running = running(watch.jobExecutionId);
            if (watch.lost != null) {
                running.forEach(p -> fail(p, name(p) + " could not be finished: " + watch.lost));
                return;
            }
            Map<Long, WorkerRegistry.Claim> claims = workers
                .claims(running.stream().map(StepExecution::getId).toList());
            OffsetDateTime now = workers.now();
            for (StepExecution partition : running) {
                WorkerRegistry.Claim claim = claims.get(partition.getId());
                if (claim != null && claim.isDead(now, properties.deadAfter())) {
                    fail(partition,
                            name(partition) + " was running on worker " + claim.workerId()
                                    + ", which stopped answering at "
                                    + claim.lastSeen().map(PartitionWatch::time).orElse(time(now)));
                }
            }
            if (Instant.now().isAfter(watch.nextProgress)) {
                log.info("Run {}: {} partitions running on workers, {} waiting for one", watch.jobExecutionId,
                        claims.size(), running.size() - claims.size());
                watch.nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
        }
        catch (RuntimeException e) {
            // the repository out of reach for a moment: Spring's polling meets it too
            log.warn("Run {}: could not check the workers: {}", watch.jobExecutionId, e.getMessage());
        }
    }

    private void failRemaining(Watch watch, String reason) {
        try {
            List<StepExecution> running = running(watch.jobExecutionId);
            Map<Long, WorkerRegistry.Claim> claims = workers
                .claims(running.stream().map(StepExecution::getId).toList());
            for (StepExecution partition : running) {
                WorkerRegistry.Claim claim = claims.get(partition.getId());
                fail(partition, name(partition) + (claim == null ? " was still waiting for a worker when "
                        : " was still running on worker " + claim.workerId() + " when ") + reason);
            }
        }
        catch (RuntimeException e) {
            log.warn("Run {}: could not mark its unfinished partitions FAILED ({}); the next run does",
                    watch.jobExecutionId, e.getMessage());
        }
    }

    private String reasonTheStepEnded(StepExecution manager, Watch watch) {
        if (watch.lost != null) {
            return watch.lost;
        }
        for (Throwable failure : manager.getFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof TimeoutException) {
                    return "the run's time limit of " + properties.timeout() + " ran out (exporter.remote.timeout)";
                }
            }
        }
        return manager.getFailureExceptions().isEmpty() ? "the run's step ended"
                : "the run's step failed: " + manager.getFailureExceptions().getFirst().getMessage();
    }

    /**
     * Puts the first partition's failure, in words, first among the step's failures: the
     * partitions' own exceptions stay in the workers, only their exit descriptions come
     * back.
     */
    private void explain(StepExecution manager) {
        if (manager.getStatus() != BatchStatus.FAILED
                || manager.getFailureExceptions().stream().anyMatch(RemotePartitionException.class::isInstance)) {
            return;
        }
        var job = repository.getJobExecution(manager.getJobExecutionId());
        if (job == null) {
            return;
        }
        job.getStepExecutions()
            .stream()
            .filter(PartitionWatch::isPartition)
            .filter(p -> p.getStatus() == BatchStatus.FAILED || p.getStatus() == BatchStatus.STOPPED)
            // failures first: a partition stopped by its worker is not why the run failed
            .sorted(Comparator.comparing(p -> p.getStatus() != BatchStatus.FAILED))
            .findFirst()
            .ifPresent(p -> manager.getFailureExceptions().addFirst(new RemotePartitionException(describe(p))));
    }

    private static String describe(StepExecution partition) {
        Object worker = partition.getExecutionContext().get(Remote.WORKER_ID_KEY);
        if (partition.getStatus() == BatchStatus.STOPPED) {
            return name(partition) + " was stopped when worker " + worker
                    + " shut down; the next run goes on from its last committed chunk";
        }
        String description = partition.getExitStatus().getExitDescription();
        String first = description == null ? "" : description.lines().findFirst().orElse("").strip();
        if (first.startsWith(name(partition))) {
            return first;
        }
        // a worker's own exception: "java.io.IOException: No space left on device"
        int colon = first.indexOf(": ");
        if (colon > 0 && first.substring(0, colon).matches("[\\w.$]+")) {
            first = first.substring(colon + 2);
        }
        return name(partition) + " failed" + (worker == null ? "" : " on worker " + worker)
                + (first.isEmpty() ? "" : ": " + first);
    }

    private List<StepExecution> running(long jobExecutionId) {
        var job = repository.getJobExecution(jobExecutionId);
        return job == null ? List.of()
                : job.getStepExecutions()
                    .stream()
                    .filter(PartitionWatch::isPartition)
                    .filter(p -> p.getStatus().isRunning())
                    .toList();
    }

    private void fail(StepExecution partition, String message) {
        try {
            StepExecution current = repository.getStepExecution(partition.getId());
            if (current == null || !current.getStatus().isRunning()) {
                return;
            }
            current.setStatus(BatchStatus.FAILED);
            current.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
            current.setEndTime(LocalDateTime.now());
            repository.update(current);
            workers.release(partition.getId());
            log.error(message);
        }
        catch (OptimisticLockingFailureException e) {
            // its worker wrote at the same moment: it is alive after all; looked at again
            // next time
            log.debug("{} changed while being marked FAILED", name(partition));
        }
    }

    static boolean isPartition(StepExecution step) {
        return step.getStepName().startsWith(ExportJobConfig.PARTITION_STEP_NAME + ":");
    }

    /** {@code partition3} from {@code export-articles-partition:partition3}. */
    static String name(StepExecution partition) {
        String step = partition.getStepName();
        return step.substring(step.indexOf(':') + 1);
    }

    private static String time(OffsetDateTime time) {
        return TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotePartitionException("stopped while waiting for workers", e);
        }
    }

    /** One run's watch: its broker connection and its ticking thread. */
    private final class Watch {

        final long jobExecutionId;

        final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "partition-watch");
            thread.setDaemon(true);
            return thread;
        });

        volatile Connection connection;

        volatile String lost;

        volatile Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);

        Watch(long jobExecutionId) {
            this.jobExecutionId = jobExecutionId;
        }

        void brokerLost(JMSException e) {
            if (lost == null) {
                // The client's own words name Java classes: they go to the log only.
                lost = "the broker at " + properties.brokerUrl().tcp() + " stopped answering at "
                        + time(OffsetDateTime.now());
                log.error("Run {}: {}", jobExecutionId, lost, e);
            }
        }

        void close() {
            ticks.shutdownNow();
            try {
                ticks.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                if (connection != null) {
                    connection.close();
                }
            }
            catch (JMSException e) {
                log.debug("Closing the watch's broker connection: {}", e.getMessage());
            }
        }

    }

}
