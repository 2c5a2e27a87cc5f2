package dev.articleexporter.cli;

import dev.articleexporter.remote.BrokerUrl;
import dev.articleexporter.remote.Remote;
import dev.articleexporter.web.Loopback;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --broker}: the message broker a remote run goes through, for the manager
 * ({@code export}, {@code serve}) and the {@code worker}. Its checks, the broker's
 * credentials and the Spring properties it sets are here, in one place for every command.
 */
class BrokerOptions {

    static final String USER_VARIABLE = "ARTICLE_EXPORTER_BROKER_USER";
    static final String PASSWORD_VARIABLE = "ARTICLE_EXPORTER_BROKER_PASSWORD";

    @Option(names = "--broker", paramLabel = "URL",
            description = "Remote run through an ActiveMQ Artemis broker: tcp://HOST:PORT of a running broker, or "
                    + "embedded://HOST:PORT for one inside the manager (export, serve). Needs a shared history "
                    + "database (a JDBC URL for --db). Credentials: env " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                    + ".")
    String broker;

    boolean remote() {
        return broker != null;
    }

    /**
     * What is wrong with the remote run's options, in the words of a usage error, or
     * {@code null} (also when no broker is given).
     * @param manager whether this process would start an {@code embedded://} broker
     */
    String problem(Database database, Map<String, String> environment, boolean manager) {
        if (!remote()) {
            return null;
        }
        BrokerUrl url;
        try {
            url = BrokerUrl.parse(broker);
        }
        catch (IllegalArgumentException e) {
            return "--broker " + broker + " is not a broker URL: give tcp://HOST:PORT (a running ActiveMQ Artemis "
                    + "broker)" + (manager ? " or embedded://HOST:PORT (a broker inside this process)" : "");
        }
        if (!manager && url.embedded()) {
            return "--broker " + broker + ": a worker connects to a broker, it does not start one; give the "
                    + "manager's tcp://HOST:PORT";
        }
        if (!database.isShared()) {
            return "a remote run (--broker) needs a history database every machine can reach: the local H2 file "
                    + database.describe() + " is not; give --db jdbc:postgresql://HOST/DB (or an H2 server URL)";
        }
        boolean user = present(environment.get(USER_VARIABLE));
        boolean password = present(environment.get(PASSWORD_VARIABLE));
        if (user != password) {
            return user ? "env " + USER_VARIABLE + " is set but " + PASSWORD_VARIABLE + " is not"
                    : "env " + PASSWORD_VARIABLE + " is set but " + USER_VARIABLE + " is not";
        }
        if (url.embedded() && !user && !Loopback.isLoopbackBind(url.host())) {
            return "refusing to start a broker on " + url.host() + " without a user and password: anyone who can "
                    + "reach it could send work or read the partitions; set " + USER_VARIABLE + " and "
                    + PASSWORD_VARIABLE + ", or use embedded://127.0.0.1:PORT";
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The {@code exporter.remote.*} properties of the broker and its credentials. */
    void putProperties(Map<String, Object> properties, Map<String, String> environment) {
        properties.put(Remote.BROKER, broker.strip());
        if (present(environment.get(USER_VARIABLE))) {
            properties.put(Remote.USER, environment.get(USER_VARIABLE));
            properties.put(Remote.PASSWORD, environment.get(PASSWORD_VARIABLE));
        }
    }

}
