package dev.articleexporter.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Which requests a worker runs: only a partition still waiting for a worker (STARTING) of
 * a run still running. A request left in the queue by a run that ended (the manager gave
 * up, timed out, or failed the partition), or delivered again while another worker runs
 * it, is dropped with a line in the log; a request taken is claimed in the repository
 * under this worker's id before it runs.
 */
final class StaleRequests {

    private static final Logger log = LoggerFactory.getLogger(StaleRequests.class);

    private final JobRepository repository;

    private final WorkerRegistry registry;

    private final WorkerHeartbeat worker;

    StaleRequests(JobRepository repository, WorkerRegistry registry, WorkerHeartbeat worker) {
        this.repository = repository;
        this.registry = registry;
        this.worker = worker;
    }

    boolean accept(StepExecutionRequest request) {
        worker.refuseIfStopping();
        StepExecution partition = repository.getStepExecution(request.getStepExecutionId());
        String why = partition == null ? "it is not in the repository" : staleness(partition);
        if (why != null) {
            log.info("Dropped the request for step execution {}: {}", request.getStepExecutionId(), why);
            return false;
        }
        registry.claim(partition.getId(), worker.workerId());
        return true;
    }

    private static String staleness(StepExecution partition) {
        BatchStatus run = partition.getJobExecution().getStatus();
        if (run != BatchStatus.STARTING && run != BatchStatus.STARTED) {
            return "its run " + partition.getJobExecutionId() + " is " + run;
        }
        BatchStatus status = partition.getStatus();
        if (status == BatchStatus.STARTING) {
            return null;
        }
        String name = PartitionWatch.name(partition);
        Object owner = partition.getExecutionContext().get(Remote.WORKER_ID_KEY);
        return status == BatchStatus.STARTED
                ? name + " is already running" + (owner == null ? "" : " on worker " + owner)
                : name + " has ended " + status;
    }

}
