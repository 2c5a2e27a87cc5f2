package dev.articleexporter.delivery;

import java.util.List;

/**
 * What became of one run's item for one recipient, as commands print it.
 *
 * @param files the names of the files sent, linked or that would go
 * @param detail why it failed, or what else the user should know; may be {@code null}
 */
public record Delivery(long runId, String recipient, String item, Status status, List<String> files, String detail) {

    public Delivery {
        files = List.copyOf(files);
    }

    public enum Status {

        /** Sent now. */
        SENT,
        /** Tried now and failed: a later run tries again. */
        FAILED,
        /** Sent before: not sent again. */
        ALREADY_SENT,
        /**
         * A process ended while sending it: it may have gone, so it is not sent again.
         */
        UNCERTAIN,
        /** The run has nothing for this recipient. */
        NOTHING,
        /** {@code --dry-run}: what would go. */
        WOULD_SEND

    }

    /** One line for the terminal: "reader@kindle.com: sent digest-….epub". */
    public String line() {
        String what = files.isEmpty() ? item : String.join(", ", files);
        return switch (status) {
            case SENT -> recipient + ": sent " + what;
            case FAILED -> recipient + ": not delivered (" + what + "): " + detail + "; a later run tries again";
            case ALREADY_SENT -> recipient + ": already sent (" + item + "); --again sends it again";
            case UNCERTAIN ->
                recipient + ": may have been sent when a process ended (" + item + "); --again sends it again";
            case NOTHING -> recipient + ": nothing to send (" + detail + ")";
            case WOULD_SEND -> recipient + ": would send " + what + (detail == null ? "" : " (" + detail + ")");
        };
    }

}
