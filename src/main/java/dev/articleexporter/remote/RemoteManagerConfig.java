package dev.articleexporter.remote;

import dev.articleexporter.job.ExportJobConfig;
import dev.articleexporter.job.ExportManagerConfig;
import jakarta.jms.ConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * A manager ({@code exporter.remote.role=manager}): the run's step
 * {@code export-articles} sends its partitions (the same as a local run's,
 * {@link ExportManagerConfig#partitions}) over the broker as persistent JMS messages
 * instead of to threads, and polls the shared repository until every partition has ended
 * (Spring Batch's remote partitioning, polling mode: replies cannot be lost when the
 * manager restarts, spring-batch #5158, #4011). {@link PartitionWatch} fails the
 * partitions of dead workers. The job and {@code job.ExportService} are the same as for a
 * local run; only this step differs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = Remote.ROLE, havingValue = "manager")
@Import(BrokerConfig.class)
public class RemoteManagerConfig {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsOut(ConnectionFactory connectionFactory, DirectChannel partitionRequests) {
        return IntegrationFlow.from(partitionRequests)
            .handle(Jms.outboundAdapter(connectionFactory)
                .destination(Remote.REQUESTS)
                .configureJmsTemplate(template -> template.explicitQosEnabled(true).deliveryPersistent(true)))
            .get();
    }

    @Bean
    PartitionWatch partitionWatch(JobRepository repository, WorkerRegistry workerRegistry,
            ConnectionFactory connectionFactory, RemoteProperties properties) {
        return new PartitionWatch(repository, workerRegistry, connectionFactory, properties);
    }

    @Bean
    Step exportStep(RemotePartitioningManagerStepBuilderFactory steps, DirectChannel partitionRequests,
            PartitionWatch partitionWatch, RemoteProperties properties, ApplicationContext context) {
        RemotePartitioningManagerStepBuilder step = steps.get(ExportJobConfig.STEP_NAME)
            .partitioner(ExportJobConfig.PARTITION_STEP_NAME, grid -> ExportManagerConfig.partitions(grid))
            .gridSize(properties.gridSize())
            .messagingTemplate(new PartitionRequests(partitionRequests, properties.brokerUrl()))
            .pollInterval(properties.pollInterval().toMillis())
            .timeout(properties.timeout().toMillis());
        ExportManagerConfig.withManagerListeners(step, context);
        step.listener(partitionWatch);
        return step.build();
    }

}
