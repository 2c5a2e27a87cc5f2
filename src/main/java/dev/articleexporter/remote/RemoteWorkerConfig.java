package dev.articleexporter.remote;

import dev.articleexporter.job.ExportJobConfig;
import dev.articleexporter.job.ExportWorkerConfig;
import jakarta.jms.ConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A worker ({@code exporter.remote.role=worker}): takes partition requests from the
 * broker and runs each with the partition step of a local run (the same reader,
 * processor, writer and listeners, {@link ExportWorkerConfig}), named
 * {@code export-articles-partition} as the manager asks for it. The request's JMS
 * transaction commits after the partition ran. Requests pass {@link StaleRequests} first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = Remote.ROLE, havingValue = "worker")
@Import(BrokerConfig.class)
public class RemoteWorkerConfig {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    WorkerHeartbeat workerHeartbeat(WorkerRegistry registry, RemoteProperties properties) {
        return new WorkerHeartbeat(registry, properties);
    }

    @Bean
    IntegrationFlow partitionRequestsIn(ConnectionFactory connectionFactory, RemoteProperties properties,
            JobRepository repository, WorkerRegistry registry, WorkerHeartbeat workerHeartbeat,
            DirectChannel partitionRequests) {
        StaleRequests requests = new StaleRequests(repository, registry, workerHeartbeat);
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(new RequestListener(connectionFactory, properties)))
            // dropped requests are logged by StaleRequests, in words
            .filter(StepExecutionRequest.class, requests::accept, filter -> filter.discardChannel("nullChannel"))
            .channel(partitionRequests)
            .get();
    }

    @Bean
    Step remoteWorkerStep(RemotePartitioningWorkerStepBuilderFactory steps, DirectChannel partitionRequests,
            PlatformTransactionManager transactions, WorkerHeartbeat workerHeartbeat, ApplicationContext context) {
        RemotePartitioningWorkerStepBuilder step = steps.get(ExportJobConfig.PARTITION_STEP_NAME)
            .inputChannel(partitionRequests)
            .stepLocator(name -> ExportJobConfig.PARTITION_STEP_NAME.equals(name)
                    ? context.getBean("remoteWorkerStep", Step.class) : null)
            .listener(workerHeartbeat);
        return ExportWorkerConfig.partitionStep(step, transactions, context).build();
    }

}
