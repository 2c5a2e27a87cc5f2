package dev.articleexporter.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.SmartLifecycle;

/**
 * A worker's life in the repository and its partitions: registered when the context is
 * made, a heartbeat every {@code exporter.remote.heartbeat} while it runs, each partition
 * it runs claimed under its id (and its id in the partition's context,
 * {@link Remote#WORKER_ID_KEY}, for {@code runs}).
 *
 * <p>
 * Stopping (SIGTERM closes the context; this is stopped before the JMS listener): the
 * partitions running are asked to stop after their current chunk
 * ({@code StepExecution.setTerminateOnly}, as {@code JobOperator.stop} does); they end
 * STOPPED and the manager's run with them, and the next run goes on from their last
 * committed chunk. Requests that arrive meanwhile are not run: they go back to the queue
 * ({@link #refuseIfStopping}). Then the worker's rows are removed.
 */
final class WorkerHeartbeat implements StepExecutionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);

    /** The longest a stop waits for the running partitions' chunks. */
    private static final Duration MAX_STOP_WAIT = Duration.ofMinutes(5);

    private final WorkerRegistry registry;

    private final RemoteProperties properties;

    private final String workerId;

    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();

    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean stopping;

    private ScheduledExecutorService beats;

    WorkerHeartbeat(WorkerRegistry registry, RemoteProperties properties) {
        this.registry = registry;
        this.properties = properties;
        this.workerId = properties.id();
        // before the JMS listener starts: a partition is never claimed by an unknown
        // worker
        register();
    }

    String workerId() {
        return workerId;
    }

    @Override
    public void beforeStep(StepExecution partition) {
        partition.getExecutionContext().putString(Remote.WORKER_ID_KEY, workerId);
        running.put(partition.getId(), partition);
        if (stopping) {
            partition.setTerminateOnly();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution partition) {
        running.remove(partition.getId());
        try {
            registry.release(partition.getId());
        }
        catch (RuntimeException e) {
            log.warn("Could not release {}: {}", partition.getStepName(), e.getMessage());
        }
        return null;
    }

    /**
     * Called for each request before it runs: a stopping worker holds it until it has
     * stopped, then throws, so the request's transaction rolls back and another worker
     * takes it (held, not thrown at once: a request thrown back at once could come back
     * here until the broker gives up on it).
     */
    void refuseIfStopping() {
        if (stopping) {
            try {
                stopped.await(MAX_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("worker " + workerId + " is stopping: the request goes back to the queue");
        }
    }

    @Override
    public void start() {
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "worker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        log.info("Worker {} takes up to {} partitions at once from the broker at {}", workerId,
                properties.consumerCount(), properties.brokerUrl().tcp());
    }

    @Override
    public void stop() {
        stopping = true;
        if (!running.isEmpty()) {
            log.info("Worker {} stopping: {} partitions stop after their current chunk", workerId, running.size());
            running.values().forEach(StepExecution::setTerminateOnly);
        }
        Instant deadline = Instant.now().plus(MAX_STOP_WAIT);
        while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopped.countDown();
        beats.shutdownNow();
        try {
            registry.remove(workerId);
        }
        catch (RuntimeException e) {
            log.warn("Worker {} could not remove itself from the repository: {}", workerId, e.getMessage());
        }
        log.info("Worker {} stopped", workerId);
    }

    @Override
    public boolean isRunning() {
        return beats != null && !beats.isShutdown();
    }

    /** Stopped first, before the JMS listener (Integration's endpoints stop later). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void beat() {
        try {
            if (!registry.beat(workerId)) {
                register();
            }
        }
        catch (RuntimeException e) {
            log.warn("Worker {} could not record its heartbeat: {}", workerId, e.getMessage());
        }
    }

    private void register() {
        registry.register(workerId, RemoteProperties.hostName(), properties.consumerCount());
    }

}
