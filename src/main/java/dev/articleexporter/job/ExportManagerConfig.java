package dev.articleexporter.job;

import dev.articleexporter.render.OutputFormats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The manager side of the export step: it only splits the run into partitions
 * ({@link Partition}) and hands them to the worker step ({@link ExportWorkerConfig}),
 * here on threads of this process; {@code remote.RemoteManagerConfig} sends the same
 * partitions to workers on other machines instead.
 */
@Configuration(proxyBeanMethods = false)
public class ExportManagerConfig {

    /**
     * One thread per partition, one partition per core. (A multi-threaded chunk step was
     * measured too: in Spring Batch 6 it only processes concurrently, while each chunk's
     * reading and writing wait for its slowest item.)
     */
    @Bean
    ThreadPoolTaskExecutor renderThreads(ExporterProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.partitions());
        executor.setMaxPoolSize(properties.partitions());
        executor.setThreadNamePrefix("render-");
        executor.setDaemon(true);
        return executor;
    }

    /**
     * The local step: partitions on threads of this process. With
     * {@code exporter.remote.role=manager} the remote package's step takes its place
     * (same name, partitions and listeners); a worker context keeps this one unused.
     */
    @Bean
    @ConditionalOnExpression("'${exporter.remote.role:local}' != 'manager'")
    Step exportStep(JobRepository repository, Step partitionStep, ThreadPoolTaskExecutor renderThreads,
            ExporterProperties properties, ApplicationContext context,
            @Value("${exporter.remote.role:local}") String role) {
        if (role.equals("manager")) {
            // only where the condition above was decided at build time (Spring AOT)
            throw new IllegalStateException("exporter.remote.role=manager needs a context made without Spring AOT");
        }
        int partitions = properties.partitions();
        PartitionStepBuilder step = new StepBuilder(ExportJobConfig.STEP_NAME, repository)
            .partitioner(ExportJobConfig.PARTITION_STEP_NAME, grid -> partitions(grid))
            .step(partitionStep)
            .gridSize(partitions)
            .taskExecutor(renderThreads);
        return withManagerListeners(step, context).build();
    }

    /**
     * Adds the listeners of the run's step, local or remote: the output folder's
     * preparation first, then every {@link ExportListener} bean.
     */
    public static <B extends PartitionStepBuilder> B withManagerListeners(B step, ApplicationContext context) {
        step.listener(new OutputFolderPreparation(context.getBean(OutputFolderStates.class),
                context.getBean(OutputFormats.class)));
        context.getBeansWithAnnotation(ExportListener.class).values().forEach(step::listener);
        return step;
    }

    /**
     * The contexts of the partitions. Made once per run: a restarted run keeps its
     * partitions, each going on from its own position.
     */
    public static Map<String, ExecutionContext> partitions(int count) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            contexts.put("partition" + i, new Partition(i, count).context());
        }
        return contexts;
    }

}
