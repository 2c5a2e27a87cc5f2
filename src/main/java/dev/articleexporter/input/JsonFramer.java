package dev.articleexporter.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

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
 * are those of the stream (UTF-8 bytes). The bytes it looks for are {@link JsonBytes}; a
 * value larger than one read buffer is held in {@link ValueParts}.
 */
final class JsonFramer implements Closeable {

    private static final int BUFFER = 64 * 1024;

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

    private final ValueParts parts = new ValueParts(BUFFER);

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
                if (JsonBytes.whitespace(c)) {
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
        else if (JsonBytes.delimiter(v.first)) {
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
                v.bytes = parts.join(buf, valueStart, pos, (int) v.length);
                v.offset = 0;
            }
        }
        parts.clear();
        return v;
    }

    /**
     * Reads to the end of a value: from inside {@code depth} brackets, or inside a string
     * at the top ({@code depth} 0). True when it closed, false when the stream ended
     * first.
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
                    p = JsonBytes.quoteOrBackslash(b, p, e);
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
                if (JsonBytes.delimiter(b[p] & 0xFF)) {
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
            long sofar = parts.byteCount() + (end - valueStart);
            if (sofar > limit) {
                keeping = false; // too large: from here on only counted
                parts.clear();
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
                buf = parts.add(buf, valueStart, end);
                bufStart += end;
                valueStart = 0;
                pos = 0;
                end = 0;
                return read();
            }
        }
        return refill();
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
