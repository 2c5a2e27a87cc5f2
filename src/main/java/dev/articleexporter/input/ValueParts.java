package dev.articleexporter.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The earlier parts of a value {@link JsonFramer} is framing that did not fit in one read
 * buffer, held until the value ends so its bytes can be given out whole. The framer never
 * holds more than its limit here. Buffers given back are kept for reuse (a few), so a
 * file of large articles does not allocate a buffer for each part.
 */
final class ValueParts {

    /** Spare buffers kept at most: enough for an article, bounded whatever the file. */
    private static final int SPARES = 4;

    private final int bufferSize;

    private final List<byte[]> buffers = new ArrayList<>();

    /** Where the value's bytes are in each buffer: from, to. */
    private final List<int[]> ranges = new ArrayList<>();

    private long size;

    private final List<byte[]> spare = new ArrayList<>();

    /**
     * @param bufferSize the size of the read buffers handed out
     */
    ValueParts(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    boolean isEmpty() {
        return buffers.isEmpty();
    }

    /** The bytes held, in all parts. */
    long byteCount() {
        return size;
    }

    /**
     * Holds {@code buffer[from, to)} as the next part, and gives out a buffer to read on
     * in (the caller no longer writes to this one).
     */
    byte[] add(byte[] buffer, int from, int to) {
        buffers.add(buffer);
        ranges.add(new int[] { from, to });
        size += to - from;
        return spare.isEmpty() ? new byte[bufferSize] : spare.remove(spare.size() - 1);
    }

    /**
     * The value's bytes in one array: the parts, then its last piece
     * {@code last[from, to)}.
     * @param length the value's size, that of the parts and the last piece together
     */
    byte[] join(byte[] last, int from, int to, int length) {
        byte[] all = new byte[length];
        int at = 0;
        for (int i = 0; i < buffers.size(); i++) {
            int[] range = ranges.get(i);
            System.arraycopy(buffers.get(i), range[0], all, at, range[1] - range[0]);
            at += range[1] - range[0];
        }
        System.arraycopy(last, from, all, at, to - from);
        return all;
    }

    /** Lets go of the parts, keeping a few of their buffers for reuse. */
    void clear() {
        for (byte[] buffer : buffers) {
            if (spare.size() < SPARES) {
                spare.add(buffer);
            }
        }
        buffers.clear();
        ranges.clear();
        size = 0;
    }

}
