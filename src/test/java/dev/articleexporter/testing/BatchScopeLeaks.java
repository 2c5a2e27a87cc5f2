package dev.articleexporter.testing;

import java.lang.reflect.Field;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;

/**
 * Fails a test class that leaves a step or job context registered in Spring Batch's
 * static scope managers. They are keyed by execution ids, which restart at 1 in every
 * test database: a context left behind by one test (or a run still going in the
 * background) is handed to a later test's step with equal ids, with the other test's job
 * parameters.
 */
public class BatchScopeLeaks implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Map<?, ?> steps = field(StepSynchronizationManager.class, "contexts");
        Map<?, ?> jobs = field(JobSynchronizationManager.class, "contexts");
        if (!steps.isEmpty() || !jobs.isEmpty()) {
            String left = "step contexts " + steps.keySet() + ", job contexts " + jobs.keySet();
            // The counts too: a count left for execution id 6 made the next test class's
            // step 6 keep its context (its count never came back to 0), and so on.
            steps.clear();
            jobs.clear();
            field(StepSynchronizationManager.class, "counts").clear();
            field(JobSynchronizationManager.class, "counts").clear();
            throw new AssertionError(context.getDisplayName() + " left Spring Batch scope contexts behind: " + left);
        }
    }

    /**
     * Forgets every registered context, for a test class that kills the repository's
     * database under a running step: Spring Batch cannot release that step's context then
     * (its rollback fails first), which the class expects.
     */
    public static void forget() throws ReflectiveOperationException {
        for (Class<?> manager : new Class<?>[] { StepSynchronizationManager.class, JobSynchronizationManager.class }) {
            field(manager, "contexts").clear();
            field(manager, "counts").clear();
        }
    }

    private static Map<?, ?> field(Class<?> manager, String name) throws ReflectiveOperationException {
        Field field = manager.getDeclaredField("manager");
        field.setAccessible(true);
        Object support = field.get(null);
        Field map = support.getClass().getSuperclass().getDeclaredField(name);
        map.setAccessible(true);
        return (Map<?, ?>) map.get(support);
    }

}
