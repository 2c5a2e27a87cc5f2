package dev.articleexporter.remote;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code exporter.remote.*} properties: whether this process is a manager that sends
 * its partitions to workers, a worker, or neither (the local threads of today). Checked
 * as they are bound, in plain words. Bound only in the remote contexts (role manager or
 * worker, made without AOT); the property names are in {@link Remote}.
 *
 * @param role {@code local} (or absent): partitions on threads of this process
 * @param broker {@code tcp://HOST:PORT} or {@code embedded://HOST:PORT} (manager only)
 * @param user broker user; needed by an embedded broker that listens beyond loopback
 * @param password broker password, with {@code user}
 * @param workers manager: waits until this many workers are alive before sending the
 * partitions; 0: does not wait
 * @param partitions manager: partitions of a new run; 0: one per core of this machine for
 * each awaited worker (at least one worker), so every consumer of workers like this
 * machine has one from the start, and no more, since each partition reads every input
 * file
 * @param workerId worker: its name in the repository and in {@code runs}; empty:
 * {@code HOSTNAME:PID}
 * @param consumers worker: partitions it runs at once; 0: one per core
 * @param heartbeat how often a worker records that it is alive (and the manager looks)
 * @param deadAfter a worker silent this long is dead: its partitions fail
 * @param timeout the longest the manager waits for its partitions (and for
 * {@code workers}), whatever the heartbeats say
 */
@ConfigurationProperties(Remote.PREFIX)
public record RemoteProperties(@DefaultValue("local") Role role, String broker, String user, String password,
        @DefaultValue("0") int workers, @DefaultValue("0") int partitions, String workerId,
        @DefaultValue("0") int consumers, @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("30s") Duration deadAfter, @DefaultValue("24h") Duration timeout) {

    /** The most partitions of a run, as for local threads. */
    static final int MAX_PARTITIONS = 256;

    public enum Role {

        LOCAL, MANAGER, WORKER

    }

    public RemoteProperties {
        if (role != Role.LOCAL) {
            BrokerUrl url = BrokerUrl.parse(broker);
            if (role == Role.WORKER && url.embedded()) {
                throw new IllegalArgumentException("a worker connects to a running broker: "
                        + BrokerUrl.USAGE.replace(" or embedded://HOST:PORT", "")
                        + " (embedded:// is for export and serve)");
            }
            if (url.embedded() && !url.isLoopback() && (isBlank(user) || isBlank(password))) {
                throw new IllegalArgumentException("a broker listening on " + url.host()
                        + " can be reached from other machines: it needs a user and a password");
            }
        }
        if (workers < 0 || partitions < 0 || partitions > MAX_PARTITIONS || consumers < 0) {
            throw new IllegalArgumentException(
                    "exporter.remote: workers and consumers must be 0 or more, " + "partitions 0 to " + MAX_PARTITIONS
                            + " (workers " + workers + ", consumers " + consumers + ", partitions " + partitions + ")");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || deadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("exporter.remote: the heartbeat must be positive and dead-after at "
                    + "least twice the heartbeat (heartbeat " + heartbeat + ", dead-after " + deadAfter + ")");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("exporter.remote.timeout must be positive, not " + timeout);
        }
    }

    public BrokerUrl brokerUrl() {
        return BrokerUrl.parse(broker);
    }

    /** The partitions of a new run (a restarted run keeps its own). */
    public int gridSize() {
        if (partitions > 0) {
            return partitions;
        }
        return Math.min(MAX_PARTITIONS, Math.max(1, workers) * Runtime.getRuntime().availableProcessors());
    }

    public int consumerCount() {
        return consumers > 0 ? consumers : Runtime.getRuntime().availableProcessors();
    }

    /** This worker's id: {@code worker-id}, or {@code HOSTNAME:PID}. */
    public String id() {
        return isBlank(workerId) ? hostName() + ":" + ProcessHandle.current().pid() : workerId.strip();
    }

    /**
     * How often the manager looks at the repository: as often as the heartbeat, at most
     * once a second.
     */
    Duration pollInterval() {
        return heartbeat.compareTo(Duration.ofSeconds(1)) < 0 ? heartbeat : Duration.ofSeconds(1);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            return name.substring(name.indexOf('@') + 1);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
