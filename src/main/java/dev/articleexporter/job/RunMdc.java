package dev.articleexporter.job;

import dev.articleexporter.input.Input;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterProcess;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.annotation.BeforeProcess;
import org.springframework.batch.core.annotation.BeforeStep;
import org.springframework.batch.core.annotation.OnProcessError;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Puts the run id ({@value #RUN}) and the article being processed ({@value #ARTICLE}:
 * where it came from, e.g. {@code briefs.json #2}, or its output name when it has one) in
 * the logging context of the thread that works on them, so every log line says which run
 * and article it is about (a JSON log has them as fields). Ordered first: set before the
 * other listeners log, cleared after them. A partition's articles are processed on its
 * own thread, so the thread's context is the partition's.
 */
@ExportListener
public class RunMdc implements Ordered {

    public static final String RUN = "run_id";

    public static final String ARTICLE = "article";

    @BeforeStep
    public void started(StepExecution step) {
        MDC.put(RUN, String.valueOf(step.getJobExecutionId()));
    }

    @AfterStep
    public ExitStatus ended(StepExecution step) {
        MDC.remove(ARTICLE);
        MDC.remove(RUN);
        return step.getExitStatus();
    }

    @BeforeProcess
    public void processing(Input input) {
        String name = switch (input) {
            case Input.Parsed parsed -> parsed.stem();
            case Input.Rejected rejected -> rejected.article();
            default -> null;
        };
        MDC.put(ARTICLE, name != null ? name : String.valueOf(input.origin()));
    }

    @AfterProcess
    public void processed(Input input, Object result) {
        MDC.remove(ARTICLE);
    }

    @OnProcessError
    public void failed(Input input, Exception e) {
        MDC.remove(ARTICLE);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
