package dev.articleexporter.remote;

import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What manager and worker share: the properties, Spring Integration with Spring Batch's
 * remote-partitioning builders, the broker (started here when embedded) and the
 * connection to it, the registry of workers. Not a scanned configuration: imported by
 * {@link RemoteManagerConfig} and {@link RemoteWorkerConfig} only, so a local context has
 * none of it.
 */
@EnableBatchIntegration
@EnableConfigurationProperties(RemoteProperties.class)
class BrokerConfig {

    /**
     * What workers may deserialize from a request: Spring Batch's request, nothing else.
     */
    private static final String ALLOWED = "org.springframework.batch.integration.partition,java.lang";

    @Bean(destroyMethod = "close")
    EmbeddedBroker embeddedBroker(RemoteProperties properties) throws Exception {
        return EmbeddedBroker.startIfEmbedded(properties);
    }

    /**
     * One connection per listener or send (the manager sends a few requests per run); no
     * prefetch, so a request waits in the broker for any idle worker, not in the buffer
     * of a busy one; broker failures detected about as fast as a dead worker.
     */
    @Bean
    ActiveMQConnectionFactory connectionFactory(RemoteProperties properties, EmbeddedBroker broker) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(properties.brokerUrl().tcp(),
                properties.user(), properties.password());
        factory.setConsumerWindowSize(0);
        factory.setDeserializationAllowList(ALLOWED);
        factory.setClientFailureCheckPeriod(properties.heartbeat().toMillis());
        factory.setConnectionTTL(properties.deadAfter().toMillis());
        factory.setReconnectAttempts(0);
        return factory;
    }

    @Bean
    WorkerRegistry workerRegistry(DataSource dataSource) {
        return new WorkerRegistry(dataSource);
    }

}
