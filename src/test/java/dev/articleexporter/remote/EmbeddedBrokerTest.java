package dev.articleexporter.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articleexporter.remote.RemoteProperties.Role;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/** The broker a manager starts with embedded://, with a user: nobody else gets in. */
class EmbeddedBrokerTest {

    @Test
    void withAUserOnlyThatUserSendsAndTakesRequests() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RemoteProperties properties = new RemoteProperties(Role.MANAGER, "embedded://127.0.0.1:" + port, "exporter",
                "s3cret", 0, 0, null, 0, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMinutes(1));
        try (EmbeddedBroker broker = EmbeddedBroker.startIfEmbedded(properties)) {
            String url = properties.brokerUrl().tcp();
            try (Connection connection = new ActiveMQConnectionFactory(url, "exporter", "s3cret").createConnection()) {
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                var queue = session.createQueue(Remote.REQUESTS);
                session.createProducer(queue).send(session.createTextMessage("partition0"));
                session.commit();
                TextMessage taken = (TextMessage) session.createConsumer(queue).receive(10_000);
                session.commit();
                assertThat(taken.getText()).isEqualTo("partition0");
            }
            assertThatThrownBy(() -> new ActiveMQConnectionFactory(url, "exporter", "wrong").createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> new ActiveMQConnectionFactory(url).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
        }
    }

}
