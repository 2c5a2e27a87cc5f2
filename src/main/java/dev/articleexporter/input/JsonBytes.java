package dev.articleexporter.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes {@link JsonFramer} looks for, and how it finds them fast. Most of a JSON file
 * is text inside strings with no quote nor backslash, so there eight bytes are looked at
 * a time.
 */
final class JsonBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;

    private static final long HIGHS = 0x8080808080808080L;

    private static final long QUOTES = 0x2222222222222222L;

    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    private static final boolean[] DELIMITER = new boolean[256];

    static {
        for (char c : " \t\r\n,:[]{}\"".toCharArray()) {
            DELIMITER[c] = true;
        }
    }

    private JsonBytes() {
    }

    /**
     * Whether a byte (0-255) ends a bare value (number, true, garbage): whitespace and
     * JSON punctuation.
     */
    static boolean delimiter(int b) {
        return DELIMITER[b];
    }

    /** Whether a byte is whitespace between JSON values. */
    static boolean whitespace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /**
     * Where the first quote or backslash of {@code b[from, to)} is, or {@code to} when
     * there is none.
     */
    static int quoteOrBackslash(byte[] b, int from, int to) {
        int p = from;
        while (p + 8 <= to) {
            long w = (long) LONGS.get(b, p);
            long q = w ^ QUOTES;
            long s = w ^ BACKSLASHES;
            // a byte that is zero in q or s gets its high bit set; bytes above the
            // first such one may be marked wrongly, so only the lowest mark is used
            long found = (((q - ONES) & ~q) | ((s - ONES) & ~s)) & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += 8;
        }
        while (p < to && b[p] != '"' && b[p] != '\\') {
            p++;
        }
        return p;
    }

}
