package dev.articleexporter.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The size, time and SHA-256 of a file as it is read: what its stamp keeps, so the next
 * run can pass over it unread ({@link FileSkip}). The bytes are fingerprinted on their
 * way to the parser, so the file is read once.
 */
final class Fingerprint {

    private final Path file;

    private final long size;

    private final long modified;

    private final MessageDigest sha = sha256();

    private InputStream in;

    Fingerprint(Path file) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        this.modified = modified(file);
    }

    InputStream watch(InputStream raw) {
        in = new DigestInputStream(raw, sha);
        return in;
    }

    /**
     * Reads what the parser left (nothing after a well-formed file) and tells what was
     * read; not {@code whole} when the file changed meanwhile.
     */
    FileSkip.FileRead finish(String name, int slots, boolean fromStart) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
            boolean same = Files.size(file) == size && modified(file) == modified;
            return new FileSkip.FileRead(name, size, modified, HexFormat.of().formatHex(sha.digest()), slots,
                    fromStart && same);
        }
        catch (IOException e) {
            return new FileSkip.FileRead(name, size, modified, null, slots, false);
        }
    }

    /** The SHA-256 of a whole file, in hex. */
    static String of(Path file) throws IOException {
        FileReads.hashed(file);
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static long modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
