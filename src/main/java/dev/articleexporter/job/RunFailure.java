package dev.articleexporter.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Why a run failed, as one sentence: the cause a partition met (a full disk, a folder
 * that cannot be written), not Spring Batch's "Partition handler returned an unsuccessful
 * step" that the run's step adds on top of it. Kept as the run's exit message when it
 * ends, so {@code runs --run ID}, the page and the summary all say the same, once.
 */
final class RunFailure implements JobExecutionListener {

    /** The longest exit message kept (Batch's column holds 2,500 characters). */
    private static final int MAX = 1000;

    @Override
    public void afterJob(JobExecution job) {
        if (job.getStatus().isUnsuccessful() && job.getStatus() != org.springframework.batch.core.BatchStatus.STOPPED) {
            of(job).ifPresent(cause -> job.setExitStatus(new ExitStatus(job.getExitStatus().getExitCode(), cause)));
        }
    }

    /** The cause of the run's failure in plain words, when it has one. */
    static java.util.Optional<String> of(JobExecution job) {
        List<Throwable> failures = new ArrayList<>();
        // The partitions' own failures first: they are the causes; then the other steps',
        // then the job's.
        for (boolean partitions : new boolean[] { true, false }) {
            for (StepExecution step : job.getStepExecutions()) {
                if (step.getStepName().startsWith(ExportJobConfig.PARTITION_STEP_NAME) == partitions) {
                    failures.addAll(step.getFailureExceptions());
                }
            }
        }
        failures.addAll(job.getFailureExceptions());
        return failures.stream()
            .filter(t -> !isBatchWrapper(t))
            .findFirst()
            .or(() -> failures.stream().findFirst())
            .map(RunFailure::describe);
    }

    /**
     * Spring Batch's own "a partition failed" and "step failed" exceptions, which only
     * point at the real cause.
     */
    private static boolean isBatchWrapper(Throwable t) {
        String message = String.valueOf(t.getMessage());
        return t.getClass().getName().startsWith("org.springframework.batch.") && t.getCause() == null
                && (message.contains("Partition handler returned an unsuccessful step")
                        || message.startsWith("Step failed"));
    }

    /**
     * The most useful sentence in the chain: ours, naming the path, when there is one;
     * one line, at most {@link #MAX} characters.
     */
    static String describe(Throwable failure) {
        String sentence = null;
        for (Throwable t = failure; t != null && sentence == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutputWriteException ours) {
                sentence = ours.getMessage();
            }
        }
        for (Throwable t = failure; t != null && sentence == null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("no space left on device")) {
                sentence = failure == t ? t.getMessage() : firstLine(failure) + " (no space left on device)";
            }
        }
        if (sentence == null) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = firstLine(failure);
            String rootMessage = firstLine(root);
            sentence = root == failure || message.contains(rootMessage) ? message : message + " (" + rootMessage + ")";
        }
        sentence = sentence.lines().findFirst().orElse(sentence);
        return sentence.length() <= MAX ? sentence : sentence.substring(0, MAX - 1) + "…";
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

}
