package dev.articleexporter.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Every book identifier ({@code urn:uuid:}) this tool gives out, made in one place: the
 * EPUB's {@code dc:identifier} and the catalog entry that links to it must be the same,
 * or an e-reader's "already have it" matching fails.
 */
public final class BookIdentifier {

    /**
     * Namespace of the name-based identifiers. Never change it: readers recognise a
     * re-exported article as the same book only while its {@code urn:uuid:} stays the
     * same.
     */
    private static final UUID NAMESPACE = UUID.fromString("0fb6cfa3-6bc2-4b29-9c4b-9b75472c4930");

    private BookIdentifier() {
    }

    /** An article's book: name-based (version 3) on its file stem. */
    public static String article(String fileStem) {
        return of(fileStem);
    }

    /**
     * A nightly digest's book: name-based on its file stem, so the same digest written
     * again (a restarted run) is the same book, and every other one is another. Stems
     * never hold a colon, so no article's identifier can be the same.
     */
    public static String digest(String fileStem) {
        return of("nightly-digest:" + fileStem);
    }

    private static String of(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(16 + bytes.length);
        buffer.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits()).put(bytes);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(buffer.array());
    }

}
