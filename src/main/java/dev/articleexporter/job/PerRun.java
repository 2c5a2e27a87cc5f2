package dev.articleexporter.job;

import java.util.function.Supplier;

/**
 * One value shared by every partition of one run that this process runs, made by the
 * first of them. It is kept until the run's export step ends here, or, on a worker (where
 * that step runs elsewhere), until a partition of another run arrives: a partition that
 * starts after another has already finished gets the same value, not a second one.
 */
final class PerRun<T> {

    private long run = -1;

    private T value;

    synchronized T get(long jobExecutionId, Supplier<T> make) {
        if (run != jobExecutionId || value == null) {
            value = null; // the other run's value can go before the new one is made
            value = make.get();
            run = jobExecutionId;
        }
        return value;
    }

    /** The run has ended: its value is let go. */
    synchronized void ended(long jobExecutionId) {
        if (run == jobExecutionId) {
            value = null;
            run = -1;
        }
    }

}
