package dev.articleexporter.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where each JSON value of a byte stream starts and ends without parsing it: it
 * follows only whether it is inside a string (and after a backslash there) and how deep
 * in {@code {}} and {@code []} it is. A value no larger than the limit comes out as bytes
 * for Jackson to parse, so Jackson never meets one larger; a larger one is read past,
 * only counted, never copied whole and never decoded. Memory stays bounded by the limit
 * whatever the stream holds.
 *
 * <p>
 * Syntax is Jackson's business: the framer trusts brackets to match, and a value whose
 * brackets do not comes out as whatever extent they give, for Jackson to reject. Offsets
 * are those of the stream (UTF-8 bytes).
 */
final class JsonFramer implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;

    private static final long HIGHS = 0x8080808080808080L;

    private static final long QUOTES = 0x2222222222222222L;

    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    /**
     * Bytes that end a bare value (number, true, garbage): whitespace and JSON
     * punctuation.
     */
    private static final boolean[] DELIMITER = new boolean[256];

    static {
        for (char c : " \t\r\n,:[]{}\"".toCharArray()) {
            DELIMITER[c] = true;
        }
    }

    /** One framed value. The bytes are valid until the framer is used again. */
    static final class Value {

        /** Offset of its first byte in the stream. */
        long start;

        /** Its size in bytes. */
        long length;

        /** Its first byte: '{', '[', '"', or that of a bare value. */
        int first;

        /** False when the stream ended inside it (an object or string not closed). */
        boolean complete;

        /**
         * Its bytes, when it was no larger than the limit and they were wanted; else
         * {@code null}.
         */
        byte[] bytes;

        int offset;

        boolean kept() {
            return bytes != null;
        }

    }

    private final InputStream in;

    private final long limit;

    private byte[] buf = new byte[BUFFER];

    private int pos;

    private int end;

    /** Offset in the stream of {@code buf[0]}. */
    private long bufStart;

    private boolean eof;

    private final Value value = new Value();

    // While framing a value: where it starts in buf, and its earlier parts when it did
    // not fit in one buffer.
    private int valueStart;

    private boolean keeping;

    private final List<byte[]> parts = new ArrayList<>();

    /** Where the value's bytes are in each part: from, to. */
    private final List<int[]> partRanges = new ArrayList<>();

    private long partBytes;

    /** Read buffers free for reuse (those handed to {@link #parts} earlier). */
    private final List<byte[]> spare = new ArrayList<>();

    /**
     * @param limit the largest value, in bytes, whose bytes are given out
     */
    JsonFramer(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** Offset in the stream of the next byte. */
    long offset() {
        return bufStart + pos;
    }

    /**
     * Skips whitespace; the next byte (0-255) without taking it, or -1 at the end of the
     * stream.
     */
    int peek() throws IOException {
        for (;;) {
            byte[] b = buf;
            int p = pos;
            int e = end;
            while (p < e) {
                byte c = b[p];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    p++;
                }
                else {
                    pos = p;
                    return c & 0xFF;
                }
            }
            pos = p;
            if (!refill()) {
                return -1;
            }
        }
    }

    /** Takes the byte {@link #peek()} returned. */
    void take() {
        pos++;
    }

    /**
     * Frames the value that starts at the next byte (call {@link #peek()} first: it must
     * not be at the end). A bare value ends before the next delimiter, which stays; a
     * bare value that starts with a delimiter (a stray {@code ,} or {@code ]}) is that
     * one byte.
     * @param keep whether its bytes are wanted (when no larger than the limit)
     */
    Value frame(boolean keep) throws IOException {
        keeping = keep;
        valueStart = pos;
        partBytes = 0;
        Value v = value;
        v.start = offset();
        v.first = buf[pos] & 0xFF;
        v.bytes = null;
        v.offset = 0;
        boolean complete;
        if (v.first == '{' || v.first == '[') {
            pos++;
            complete = scan(1, false);
        }
        else if (v.first == '"') {
            pos++;
            complete = scan(0, true);
        }
        else if (DELIMITER[v.first]) {
            pos++; // a stray delimiter: that one byte
            complete = true;
        }
        else {
            pos++;
            complete = bare();
        }
        v.complete = complete;
        v.length = offset() - v.start;
        if (keeping && v.length <= limit) {
            if (parts.isEmpty()) {
                v.bytes = buf;
                v.offset = valueStart;
            }
            else {
                byte[] all = new byte[(int) v.length];
                int at = 0;
                for (int i = 0; i < parts.size(); i++) {
                    int[] range = partRanges.get(i);
                    System.arraycopy(parts.get(i), range[0], all, at, range[1] - range[0]);
                    at += range[1] - range[0];
                }
                System.arraycopy(buf, valueStart, all, at, pos - valueStart);
                v.bytes = all;
                v.offset = 0;
            }
        }
        dropParts();
        return v;
    }

    /**
     * Reads to the end of a value: from inside {@code depth} brackets, or inside a string
     * at the top ({@code depth} 0). True when it closed, false when the stream ended
     * first. Inside strings eight bytes are looked at a time: most of a JSON file is text
     * with no quote nor backslash.
     */
    private boolean scan(int depth, boolean inString) throws IOException {
        int skip = 0; // an escaped byte left for the next buffer
        for (;;) {
            byte[] b = buf;
            int p = pos + skip;
            int e = end;
            skip = 0;
            while (p < e) {
                if (inString) {
                    while (p + 8 <= e) {
                        long w = (long) LONGS.get(b, p);
                        long q = w ^ QUOTES;
                        long s = w ^ BACKSLASHES;
                        long found = (((q - ONES) & ~q) | ((s - ONES) & ~s)) & HIGHS;
                        if (found != 0) {
                            p += Long.numberOfTrailingZeros(found) >>> 3; // the lowest
                                                                          // marked byte
                                                                          // is exact
                            break;
                        }
                        p += 8;
                    }
                    while (p < e && b[p] != '"' && b[p] != '\\') {
                        p++;
                    }
                    if (p >= e) {
                        break;
                    }
                    if (b[p] == '"') {
                        p++;
                        inString = false;
                        if (depth == 0) {
                            pos = p;
                            return true;
                        }
                    }
                    else {
                        p += 2; // a backslash and the byte it escapes
                        if (p > e) {
                            skip = p - e;
                            p = e;
                        }
                    }
                }
                else {
                    while (p < e) {
                        byte c = b[p++];
                        if (c == '"') {
                            inString = true;
                            break;
                        }
                        if (c == '{' || c == '[') {
                            depth++;
                        }
                        else if ((c == '}' || c == ']') && --depth == 0) {
                            pos = p;
                            return true;
                        }
                    }
                }
            }
            pos = p;
            if (!refillInValue()) {
                return false;
            }
        }
    }

    /**
     * A number, {@code true}, or garbage, after its first byte: up to the next delimiter.
     */
    private boolean bare() throws IOException {
        for (;;) {
            byte[] b = buf;
            int p = pos;
            int e = end;
            while (p < e) {
                if (DELIMITER[b[p] & 0xFF]) {
                    pos = p;
                    return true;
                }
                p++;
            }
            pos = p;
            if (!refillInValue()) {
                return true;
            }
        }
    }

    /**
     * The buffer is used up inside a value: keeps what was read of it (up to the limit)
     * and reads on.
     */
    private boolean refillInValue() throws IOException {
        if (keeping) {
            long sofar = partBytes + (end - valueStart);
            if (sofar > limit) {
                keeping = false; // too large: from here on only counted
                dropParts();
            }
            else if (end < buf.length) {
                return read(); // a short read left room: read on after it
            }
            else if (valueStart > 0 && end - valueStart <= BUFFER / 2) {
                // Small so far: move it to the front, so the whole value lies in one
                // buffer.
                int kept = end - valueStart;
                System.arraycopy(buf, valueStart, buf, 0, kept);
                bufStart += valueStart;
                valueStart = 0;
                pos = kept;
                end = kept;
                return read();
            }
            else {
                // Large: this buffer becomes a part of the value, reading goes on in
                // another.
                parts.add(buf);
                partRanges.add(new int[] { valueStart, end });
                partBytes += end - valueStart;
                bufStart += end;
                buf = spare.isEmpty() ? new byte[BUFFER] : spare.remove(spare.size() - 1);
                valueStart = 0;
                pos = 0;
                end = 0;
                return read();
            }
        }
        return refill();
    }

    private void dropParts() {
        for (byte[] part : parts) {
            if (spare.size() < 4) {
                spare.add(part);
            }
        }
        parts.clear();
        partRanges.clear();
        partBytes = 0;
    }

    /** Reads a fresh buffer; false at the end of the stream. */
    private boolean refill() throws IOException {
        bufStart += end;
        pos = 0;
        end = 0;
        valueStart = 0;
        return read();
    }

    /** Reads more into buf after {@code end}; false when nothing more came. */
    private boolean read() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

}
