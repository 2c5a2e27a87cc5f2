package dev.articleexporter.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a bean whose Spring Batch listener annotations ({@code @BeforeStep},
 * {@code @AfterProcess}, {@code @AfterStep}, ...) should observe the export step. Every
 * such bean is registered on the run's step and on each partition's step (item events
 * come from the partitions; a listener that wants the run as a whole looks at
 * {@code StepExecution.getStepName()}), so a listener is added by annotating one class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ExportListener {

}
