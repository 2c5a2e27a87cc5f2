package dev.articleexporter.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a JSON file as UTF-8, as {@link JsonFramer} needs them: a UTF-8 byte-order
 * mark is dropped, and UTF-16 or UTF-32 text (which Jackson reads too, told apart the way
 * Jackson tells them: by a byte-order mark or by where the first zero bytes are) is
 * re-encoded. Offsets in messages count the bytes of this stream; for a UTF-8 file
 * without a mark, those of the file.
 */
final class JsonSource {

    private JsonSource() {
    }

    static InputStream utf8(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 4);
        byte[] head = in.readNBytes(4);
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        int b2 = n > 2 ? head[2] & 0xFF : -1;
        int b3 = n > 3 ? head[3] & 0xFF : -1;
        Charset charset = null;
        int mark = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            mark = 3;
        }
        else if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            charset = Charset.forName("UTF-32BE");
            mark = 4;
        }
        else if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            charset = Charset.forName("UTF-32LE");
            mark = 4;
        }
        else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        }
        else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        }
        else if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            charset = Charset.forName("UTF-32BE");
        }
        else if (n == 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            charset = Charset.forName("UTF-32LE");
        }
        else if (n >= 2 && b0 == 0 && b1 != 0) {
            charset = StandardCharsets.UTF_16BE;
        }
        else if (n >= 2 && b0 != 0 && b1 == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        if (n > mark) {
            in.unread(head, mark, n - mark);
        }
        return charset == null ? in : new Encoded(new InputStreamReader(in, charset));
    }

    /**
     * Line and column (both 1-based) of a byte offset of {@link #utf8} of {@code in},
     * counted as Jackson counts them: a line ends at LF, CR or CR LF; columns count
     * bytes. Errors are rare, so reading a second time is cheaper than counting lines
     * while framing.
     */
    static long[] lineAndColumn(InputStream in, long offset) throws IOException {
        long line = 1;
        long lineStart = 0;
        long at = 0;
        boolean afterCr = false;
        byte[] buffer = new byte[64 * 1024];
        while (at < offset) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, offset - at));
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte c = buffer[i];
                if (c == '\n') {
                    if (!afterCr) {
                        line++;
                    }
                    lineStart = at + i + 1;
                }
                else if (c == '\r') {
                    line++;
                    lineStart = at + i + 1;
                }
                afterCr = c == '\r';
            }
            at += n;
        }
        return new long[] { line, offset - lineStart + 1 };
    }

    /** Characters read from a reader, given out as UTF-8 bytes. */
    private static final class Encoded extends InputStream {

        private final Reader reader;

        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

        private final CharBuffer chars = CharBuffer.allocate(8 * 1024);

        private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8 * 1024 + 16).flip();

        private boolean ended;

        private boolean flushed;

        Encoded(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (flushed) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        private void fill() throws IOException {
            bytes.clear();
            if (!ended) {
                int read = reader.read(chars);
                if (read < 0) {
                    ended = true;
                }
            }
            chars.flip();
            encoder.encode(chars, bytes, ended);
            chars.compact();
            if (ended && chars.position() == 0) {
                encoder.flush(bytes);
                flushed = true;
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }

    }

}
