package dev.articleexporter.remote;

/**
 * The names of the {@code exporter.remote.*} properties ({@link RemoteProperties}), for
 * the command line that sets them. A context with {@link #ROLE} {@code manager} or
 * {@code worker} must be made without Spring AOT: the remote beans exist only under that
 * condition, which AOT would fix at build time.
 */
public final class Remote {

    public static final String PREFIX = "exporter.remote";

    public static final String ROLE = PREFIX + ".role";

    public static final String BROKER = PREFIX + ".broker";

    public static final String USER = PREFIX + ".user";

    public static final String PASSWORD = PREFIX + ".password";

    public static final String WORKERS = PREFIX + ".workers";

    public static final String PARTITIONS = PREFIX + ".partitions";

    public static final String WORKER_ID = PREFIX + ".worker-id";

    public static final String CONSUMERS = PREFIX + ".consumers";

    public static final String HEARTBEAT = PREFIX + ".heartbeat";

    public static final String DEAD_AFTER = PREFIX + ".dead-after";

    public static final String TIMEOUT = PREFIX + ".timeout";

    /** The key of the worker's id in each partition step execution's context. */
    public static final String WORKER_ID_KEY = "worker.id";

    /** The queue of partition requests. */
    static final String REQUESTS = "article-exporter.partitions";

    /** Where requests go that failed this often (a worker crashing on them each time). */
    static final String DEAD_REQUESTS = "article-exporter.partitions.dead";

    static final int MAX_DELIVERIES = 5;

    private Remote() {
    }

}
