package dev.articleexporter.remote;

import java.util.Set;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Artemis broker an {@code embedded://HOST:PORT} manager starts in its own process,
 * with a TCP acceptor there, so a small site needs no broker of its own. Not persistent:
 * it lives as long as the manager, and a run the manager did not finish is resumed by the
 * next run, which sends its unfinished partitions again. Security is on when a user is
 * given (required beyond loopback, {@link RemoteProperties}): that user may send and take
 * requests, nobody else may connect. Requests delivered {@link Remote#MAX_DELIVERIES}
 * times without being acknowledged go to a dead-letter queue.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedActiveMQ server;

    private EmbeddedBroker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    /** Starts the broker of {@code properties} when it is an embedded one. */
    static EmbeddedBroker startIfEmbedded(RemoteProperties properties) throws Exception {
        BrokerUrl url = properties.brokerUrl();
        if (!url.embedded()) {
            return new EmbeddedBroker(null);
        }
        boolean secure = properties.user() != null && !properties.user().isBlank();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false)
            .setJMXManagementEnabled(false)
            .setSecurityEnabled(secure)
            .addAcceptorConfiguration("tcp", url.tcp());
        config.setGracefulShutdownEnabled(false);
        config.addAddressSetting(Remote.REQUESTS,
                new AddressSettings().setDeadLetterAddress(SimpleString.of(Remote.DEAD_REQUESTS))
                    .setExpiryAddress(SimpleString.of(Remote.DEAD_REQUESTS))
                    .setAutoCreateDeadLetterResources(true)
                    .setMaxDeliveryAttempts(Remote.MAX_DELIVERIES)
                    .setRedeliveryDelay(1000));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config);
        if (secure) {
            String role = "exporter";
            config.putSecurityRoles("#",
                    Set.of(new Role(role, true, true, true, true, true, true, false, true, true, true, false, false)));
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser(properties.user(), properties.password());
            users.addRole(properties.user(), role);
            server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        }
        try {
            server.start();
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot start the broker on " + url.tcp() + ": " + e.getMessage(), e);
        }
        log.info("Broker started, listening on {}{}", url.tcp(), secure ? " (user " + properties.user() + ")" : "");
        return new EmbeddedBroker(server);
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

}
