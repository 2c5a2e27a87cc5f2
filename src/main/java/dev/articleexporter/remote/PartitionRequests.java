package dev.articleexporter.remote;

import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;

/**
 * Sends the partition requests to the outbound JMS flow; a failed send fails the run's
 * step with a sentence naming the broker instead of Spring Integration's "failed to send
 * Message to channel".
 */
final class PartitionRequests extends MessagingTemplate {

    private final BrokerUrl broker;

    PartitionRequests(MessageChannel requests, BrokerUrl broker) {
        super(requests);
        this.broker = broker;
    }

    @Override
    public void send(Message<?> message) {
        try {
            super.send(message);
        }
        catch (MessagingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new RemotePartitionException(
                    "could not send the partitions to the broker at " + broker.tcp() + ": " + root.getMessage(), e);
        }
    }

}
