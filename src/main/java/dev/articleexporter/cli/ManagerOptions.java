package dev.articleexporter.cli;

import dev.articleexporter.remote.Remote;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of a remote run's manager ({@code export}, {@code serve}): the broker, and
 * how many workers and partitions to wait for and send.
 */
class ManagerOptions extends BrokerOptions {

    /** The most partitions a remote run may have. */
    static final int MAX_PARTITIONS = 256;

    @Option(names = "--workers", paramLabel = "N",
            description = "With --broker: wait for N workers before sending partitions (default: none; workers that "
                    + "join later take the partitions still queued).")
    Integer workers;

    @Option(names = "--partitions", paramLabel = "N", description = "With --broker: partitions of a run, 1 to "
            + MAX_PARTITIONS + " (default: one per CPU core of this machine for each awaited worker).")
    Integer partitions;

    String problem(Database database, Map<String, String> environment) {
        if (!remote() && (workers != null || partitions != null)) {
            return (workers != null ? "--workers" : "--partitions") + " needs --broker (a remote run)";
        }
        if (workers != null && (workers < 1 || workers > MAX_PARTITIONS)) {
            return "--workers must be 1 to " + MAX_PARTITIONS + ", not " + workers;
        }
        if (partitions != null && (partitions < 1 || partitions > MAX_PARTITIONS)) {
            return "--partitions must be 1 to " + MAX_PARTITIONS + ", not " + partitions;
        }
        return problem(database, environment, true);
    }

    @Override
    void putProperties(Map<String, Object> properties, Map<String, String> environment) {
        super.putProperties(properties, environment);
        if (workers != null) {
            properties.put(Remote.WORKERS, workers);
        }
        if (partitions != null) {
            properties.put(Remote.PARTITIONS, partitions);
        }
    }

}
