package dev.articleexporter.remote;

import jakarta.jms.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * The worker's JMS listener: {@code consumers} threads, each taking one request at a time
 * in a transacted session, acknowledged only when its partition has run (a worker that
 * dies leaves the request to the broker, which delivers it again). Without a broker it
 * keeps trying every two seconds and says so once: a worker may start before its broker.
 */
final class RequestListener extends DefaultMessageListenerContainer {

    private static final Logger log = LoggerFactory.getLogger(RequestListener.class);

    private final String broker;

    private volatile boolean waiting;

    RequestListener(ConnectionFactory connections, RemoteProperties properties) {
        this.broker = properties.brokerUrl().tcp();
        setConnectionFactory(connections);
        setDestinationName(Remote.REQUESTS);
        setSessionTransacted(true);
        setConcurrentConsumers(properties.consumerCount());
        setMaxConcurrentConsumers(properties.consumerCount());
        // how soon an idle consumer notices a stop
        setReceiveTimeout(1000);
        setRecoveryInterval(2000);
    }

    @Override
    protected void refreshConnectionUntilSuccessful() {
        // not when stopping: the consumers interrupted then come here too
        if (!waiting && isRunning()) {
            waiting = true;
            log.warn("Waiting for the broker at {}", broker);
        }
        super.refreshConnectionUntilSuccessful();
        if (waiting && isRunning()) {
            waiting = false;
            log.info("Connected to the broker at {}", broker);
        }
    }

}
