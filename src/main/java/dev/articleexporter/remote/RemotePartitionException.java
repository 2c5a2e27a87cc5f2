package dev.articleexporter.remote;

/**
 * Why a remote run failed, in plain words naming the partition, the worker or the broker;
 * the run's failure message ({@code job.RunFailure} picks it).
 */
public class RemotePartitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RemotePartitionException(String message) {
        super(message);
    }

    public RemotePartitionException(String message, Throwable cause) {
        super(message, cause);
    }

}
