package dev.articleexporter.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs a delivery's files into mails no larger than the recipient's limit: as many files
 * a mail as fit, in order; a file over the limit on its own goes as a download link when
 * {@code exporter.mail.link-base} is set.
 */
final class Mails {

    /** Room for headers and the text part. */
    static final long OVERHEAD = 16 * 1024;

    private Mails() {
    }

    /**
     * One mail.
     *
     * @param attachments the files attached
     * @param links download addresses of files too large to attach
     */
    record Mail(List<Path> attachments, List<String> links) {

        Mail {
            attachments = List.copyOf(attachments);
            links = List.copyOf(links);
        }
    }

    /** A file too large for the recipient, with no way to link it. */
    static final class TooLargeException extends Exception {

        TooLargeException(String message) {
            super(message);
        }

    }

    /** What a file weighs in a mail: Base64 makes 4 bytes of every 3. */
    static long sentSize(Path file) {
        try {
            return (Files.size(file) + 2) / 3 * 4 + 1024;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Mail> pack(List<Path> files, long maxSize, String linkBase) throws TooLargeException {
        List<Mail> mails = new ArrayList<>();
        List<Path> current = new ArrayList<>();
        List<String> links = new ArrayList<>();
        long size = OVERHEAD;
        for (Path file : files) {
            long weight = sentSize(file);
            if (weight + OVERHEAD > maxSize) {
                if (linkBase == null || linkBase.isEmpty()) {
                    throw new TooLargeException(
                            file.getFileName() + " is " + megabytes(weight) + " as mailed, over the limit of "
                                    + megabytes(maxSize) + " (set exporter.mail.link-base to send a link instead)");
                }
                links.add(linkBase + "/files/"
                        + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8).replace("+", "%20"));
                continue;
            }
            if (size + weight > maxSize && !current.isEmpty()) {
                mails.add(new Mail(current, List.of()));
                current = new ArrayList<>();
                size = OVERHEAD;
            }
            current.add(file);
            size += weight;
        }
        if (!current.isEmpty() || !links.isEmpty()) {
            mails.add(new Mail(current, links));
        }
        return mails;
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MB", bytes / 1_000_000.0);
    }

}
