package dev.articleexporter.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The manager side of the export step: it only splits the run into partitions
 * ({@link Partition}) and hands them to the worker step ({@link ExportWorkerConfig}),
 * here on threads of this process; the same partitions could go to workers on other
 * machines (README, "Beyond one machine").
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

    @Bean
    Step exportStep(JobRepository repository, Step partitionStep, ThreadPoolTaskExecutor renderThreads,
            ExporterProperties properties, ApplicationContext context) {
        int partitions = properties.partitions();
        PartitionStepBuilder step = new StepBuilder(ExportJobConfig.STEP_NAME, repository)
            .partitioner(ExportJobConfig.PARTITION_STEP_NAME, grid -> partitions(grid))
            .step(partitionStep)
            .gridSize(partitions)
            .taskExecutor(renderThreads)
            .listener(new OutputFolderPreparation());
        context.getBeansWithAnnotation(ExportListener.class).values().forEach(step::listener);
        return step.build();
    }

    /**
     * The contexts of the partitions. Made once per run: a restarted run keeps its
     * partitions, each going on from its own position.
     */
    static Map<String, ExecutionContext> partitions(int count) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            contexts.put("partition" + i, new Partition(i, count).context());
        }
        return contexts;
    }

}
