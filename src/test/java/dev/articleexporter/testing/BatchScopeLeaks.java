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
        Map<?, ?> steps = contexts(StepSynchronizationManager.class);
        Map<?, ?> jobs = contexts(JobSynchronizationManager.class);
        if (!steps.isEmpty() || !jobs.isEmpty()) {
            String left = "step contexts " + steps.keySet() + ", job contexts " + jobs.keySet();
            steps.clear();
            jobs.clear();
            throw new AssertionError(context.getDisplayName() + " left Spring Batch scope contexts behind: " + left);
        }
    }

    private static Map<?, ?> contexts(Class<?> manager) throws ReflectiveOperationException {
        Field field = manager.getDeclaredField("manager");
        field.setAccessible(true);
        Object support = field.get(null);
        Field contexts = support.getClass().getSuperclass().getDeclaredField("contexts");
        contexts.setAccessible(true);
        return (Map<?, ?>) contexts.get(support);
    }

}
